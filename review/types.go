// Package review holds the domain of a tenant scrutiny review: the types, their
// validation, survey statistics and the markdown report. It does no I/O, so the
// store, the command line, the terminal UI and the tests all share one meaning
// of every value.
package review

// Review is one scrutiny exercise and everything the panel gathered for it.
// It is the aggregate the store loads and saves and the report renders.
type Review struct {
	ID          string
	Topic       string // "Customers contacting Great Places"
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

// Member is a person on the panel roster. Members are shared by all reviews
// in a database; a member who leaves keeps their history (Left is set).
type Member struct {
	ID     string
	Name   string
	Role   Role
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
)

// EvidenceKinds lists every evidence kind.
var EvidenceKinds = []EvidenceKind{KindPresentation, KindShadowing, KindMysteryShop,
	KindSurvey, KindPerformanceData, KindDesktopReview, KindInterview, KindSiteVisit, KindDocument}

// Evidence is one activity or source the panel used.
type Evidence struct {
	ID    string
	Kind  EvidenceKind
	Title string
	Date  Date
	Who   string // who presented, was interviewed or took part
	Notes string // what was done
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
}

// Recommendation is numbered by its position (1-based) in Review.Recommendations.
type Recommendation struct {
	ID         string
	Text       string
	SubPoints  []SubPoint // lettered a, b, c... by position
	FindingIDs []string
	// Later stages: the Board's answer and the actions that follow.
	BoardResponse string
	Actions       []Action
}

// SubPoint is a lettered part of a recommendation.
type SubPoint struct {
	ID   string
	Text string
}

// Action is something the landlord agreed to do in answer to a recommendation.
type Action struct {
	ID     string
	Text   string
	Owner  string
	Due    Date
	Status string // free text: "open", "done", ...
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

// Judgement is the overall verdict: a level, or the panel's own word.
type Judgement struct {
	Level       Level  // LevelNone when the panel chose its own word
	Word        string // e.g. "Improving"; empty when a level was chosen
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
