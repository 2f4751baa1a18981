// Package review holds the domain of a tenant scrutiny review: the types, their
// validation, survey statistics and the markdown report. It does no I/O, so the
// store, the command line, the terminal UI and the tests all share one meaning
// of every value.
package review

import (
	"strconv"
	"strings"
)

// Review is one scrutiny exercise and everything the panel gathered for it.
// It is the aggregate the store loads and saves and the report renders.
type Review struct {
	ID          string
	Topic       string // "Customers contacting Great Places"
	Landlord    string // whose service it is: "Great Places Housing Group"
	ServiceArea string // the service area reviewed
	WhyArea     string // why the panel chose this area
	Start       Date
	End         Date
	BoardDate   Date
	Stage       Stage
	// Introduction describes the panel and how it worked; Approach is an
	// optional opening paragraph for the "Our approach" section.
	Introduction string
	Approach     string
	Summary      string
	Scope        Scope
	Judgement    Judgement
	Archived     bool

	// MemberIDs are the panel members who joined this review, in order.
	MemberIDs []string
	// Members holds the roster entries named by MemberIDs, filled on load.
	Members []Member

	Meetings        []Meeting
	Evidence        []Evidence
	Findings        []Finding
	Standards       []Standard
	Surveys         []Survey
	Recommendations []Recommendation
	Criteria        []Criterion

	// FollowUpPoints are the dates the panel checks progress after the
	// Board; Impact is its overall statement of what the review changed.
	FollowUpPoints []FollowUpPoint
	Impact         string
	// MeasureIDs are the panel's measures this review reads, in the order
	// its scorecard shows them; Measures holds them, with their results,
	// filled on load like Members.
	MeasureIDs []string
	Measures   []Measure
}

// MergeResult counts what merging reviews into a file did: how many
// reviews were read, and how many items were added, updated or already the
// same.
type MergeResult struct {
	Reviews, Added, Updated, Unchanged int
}

// Scope is what the panel set out to look at.
type Scope struct {
	Aim        string
	Objectives []string
	FocusAreas []string
	OutOfScope []string
}

// Stage is where a review has got to.
type Stage string

const (
	StageScoping       Stage = "scoping"
	StageEvidence      Stage = "gathering evidence"
	StageDrafting      Stage = "drafting report"
	StageReported      Stage = "reported to board"
	StageBoardResponse Stage = "board responded"
	StageActionPlan    Stage = "action plan"
	StageFollowUp      Stage = "follow-up"
	StageClosed        Stage = "closed"
)

// Stages lists every stage in the order a review moves through them.
var Stages = []Stage{StageScoping, StageEvidence, StageDrafting, StageReported,
	StageBoardResponse, StageActionPlan, StageFollowUp, StageClosed}

// Role is a member's part on the panel.
type Role string

const (
	RoleChair        Role = "chair"
	RoleMember       Role = "member"
	RoleFacilitator  Role = "facilitator"
	RoleStaffAdviser Role = "staff adviser"
)

// Roles lists every role.
var Roles = []Role{RoleChair, RoleMember, RoleFacilitator, RoleStaffAdviser}

// Tenure is how a member holds their home. Panels report it ("4 tenants
// and 1 shared owner") to show whose voices the review heard.
type Tenure string

const (
	TenureTenant      Tenure = "tenant"
	TenureLeaseholder Tenure = "leaseholder"
	TenureSharedOwner Tenure = "shared owner"
	TenureOther       Tenure = "other"
)

// Tenures lists every tenure; a member's may also be left empty.
var Tenures = []Tenure{TenureTenant, TenureLeaseholder, TenureSharedOwner, TenureOther}

// Member is a person on the panel roster. Members are shared by all reviews
// in a database; a member who leaves keeps their history (Left is set).
type Member struct {
	ID     string
	Name   string
	Role   Role
	Tenure Tenure // empty when not said
	Joined Date
	Left   Date // zero while still on the panel
	Notes  string
}

// Meeting is a dated session of a review.
type Meeting struct {
	ID        string
	Date      Date
	StartTime string // "18:00", 24-hour clock; empty when not known
	EndTime   string
	Venue     string
	Attendees []string // member IDs
	Apologies []string // member IDs
	Agenda    []AgendaItem
	Notes     string
	Decisions []string
	Expenses  []Expense
}

// AgendaItem is one item on a meeting's agenda.
type AgendaItem struct {
	Title   string
	Minutes int // time allowed; 0 when not set
	Notes   string
}

// Expense is a volunteer's claim for a meeting, in pence so sums are exact.
type Expense struct {
	MemberID    string
	Description string
	Pence       int64
}

// EvidenceKind is the kind of evidence activity or source.
type EvidenceKind string

const (
	KindPresentation    EvidenceKind = "staff presentation"
	KindShadowing       EvidenceKind = "shadowing"
	KindMysteryShop     EvidenceKind = "mystery shop"
	KindSurvey          EvidenceKind = "survey"
	KindPerformanceData EvidenceKind = "performance data"
	KindDesktopReview   EvidenceKind = "desktop review"
	KindInterview       EvidenceKind = "interview"
	KindSiteVisit       EvidenceKind = "site visit"
	KindDocument        EvidenceKind = "document"
	KindFocusGroup      EvidenceKind = "focus group"
	KindWorkshop        EvidenceKind = "discussion or workshop"
	KindCaseFiles       EvidenceKind = "case file review"
	KindComplaints      EvidenceKind = "complaint review"
	KindConsultation    EvidenceKind = "consultation"
	KindInfoRequest     EvidenceKind = "information request"
	KindOther           EvidenceKind = "other"
)

// EvidenceKinds lists every evidence kind, in the order a list offers them.
var EvidenceKinds = []EvidenceKind{KindPresentation, KindShadowing, KindMysteryShop,
	KindSurvey, KindPerformanceData, KindDesktopReview, KindInterview, KindSiteVisit, KindDocument,
	KindFocusGroup, KindWorkshop, KindCaseFiles, KindComplaints, KindConsultation, KindInfoRequest, KindOther}

// Evidence is one activity or source the panel used.
type Evidence struct {
	ID    string
	Kind  EvidenceKind
	Title string
	Date  Date
	Who   string // who presented, was interviewed or took part
	Notes string // what was done
	// Link is a web address or a file on the laptop ("evidence/rota.pdf")
	// where the document can be found; the report lists it.
	Link string
	// Asked, Due and Received follow an information request: panels ask
	// the landlord for data and wait for it. Zero when not set.
	Asked, Due, Received Date
	// Reach is how many a consultation reached; zero counts are not said.
	Reach Reach
}

// Reach counts the people a consultation reached, as panels and landlords
// report it: "40 emailed, 172 saw the post, 27 responses, 4 attended, 2
// apologies".
type Reach struct {
	Invited   int // asked to take part (emailed, written to...)
	Saw       int // saw it (page visitors, people who saw a post...)
	Responded int // answered or sent a response
	Attended  int // came to a session
	Apologies int // sent apologies
}

// Text gives the counts that were given, in words: "40 invited, 172 saw
// it, 27 responded, 4 attended, 2 apologies"; "" when none was.
func (r Reach) Text() string {
	var parts []string
	for _, c := range []struct {
		n         int
		one, many string
	}{{r.Invited, "invited", "invited"}, {r.Saw, "saw it", "saw it"}, {r.Responded, "responded", "responded"},
		{r.Attended, "attended", "attended"}, {r.Apologies, "apology", "apologies"}} {
		if c.n > 0 {
			parts = append(parts, strconv.Itoa(c.n)+" "+Plural(c.n, c.one, c.many))
		}
	}
	return strings.Join(parts, ", ")
}

// Outstanding reports whether e is an information request still waiting
// for its answer.
func (e Evidence) Outstanding() bool {
	return e.Kind == KindInfoRequest && e.Received.IsZero()
}

// FindingKind says whether a finding is good practice or an issue.
type FindingKind string

const (
	GoodPractice FindingKind = "good practice"
	Issue        FindingKind = "issue"
)

// Finding is what the panel concluded from one or more evidence items.
type Finding struct {
	ID          string
	Kind        FindingKind
	Text        string
	EvidenceIDs []string
	// MeasureIDs are the measures the finding cites ("TP01 fell 4 points").
	MeasureIDs []string
}

// Recommendation is numbered by its position (1-based) in Review.Recommendations.
type Recommendation struct {
	ID         string
	Text       string
	SubPoints  []SubPoint // lettered a, b, c... by position
	FindingIDs []string
	// After the report: the Board's answer, the actions that follow and
	// what the panel found at each follow-up point.
	Response Response
	Actions  []Action
	FollowUp []Check
}

// SubPoint is a lettered part of a recommendation.
type SubPoint struct {
	ID   string
	Text string
	// Response is the Board's answer to this part alone, when it answered
	// the parts separately; zero otherwise.
	Response Response
}

// Criterion is something the panel scores.
type Criterion struct {
	ID        string
	Name      string
	Level     Level // the agreed score; LevelNone until agreed
	Rationale string
	// Votes counts the room's votes per level, indexed by Level (index 0 unused).
	Votes [5]int
}

// Judgement is the overall verdict: a level, the panel's own word, or both
// ("Fair — improving").
type Judgement struct {
	Level       Level  // LevelNone when the panel gave only its own word
	Word        string // e.g. "Improving"; empty when only a level was chosen
	Explanation string
}

// Member lookup helpers used by the report and the UI.

// MemberByID returns the roster entry with the given ID, if loaded.
func (r *Review) MemberByID(id string) (Member, bool) {
	for _, m := range r.Members {
		if m.ID == id {
			return m, true
		}
	}
	return Member{}, false
}

// EvidenceByID returns the evidence item with the given ID.
func (r *Review) EvidenceByID(id string) (Evidence, bool) {
	for _, e := range r.Evidence {
		if e.ID == id {
			return e, true
		}
	}
	return Evidence{}, false
}

// FindingByID returns the finding with the given ID.
func (r *Review) FindingByID(id string) (Finding, bool) {
	for _, f := range r.Findings {
		if f.ID == id {
			return f, true
		}
	}
	return Finding{}, false
}
