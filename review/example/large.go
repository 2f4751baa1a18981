package example

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"scrutiny/review"
)

// The sizes of the synthetic data set used for speed work. The totals are
// 100 reviews, 10,000 evidence items, 30,000 findings, 5,000
// recommendations and 1,000,000 survey answers.
const (
	LargeReviews            = 100
	LargeEvidencePer        = 100
	LargeFindingsPer        = 300
	LargeRecommendationsPer = 50
	LargeRespondentsPer     = 500
	LargeQuestionsPer       = 20
)

// largePrefix starts every ID of the synthetic data.
const largePrefix = "01900000-5ca1-"

// IsLarge reports whether id belongs to the synthetic large data.
func IsLarge(id string) bool { return strings.HasPrefix(id, largePrefix) }

// largeID is UUID-shaped and fixed for (review, kind, n), so loading the
// large data twice merges instead of duplicating. Reviews past 255 (at
// scale 3 and up) carry their high bits in the top of n, which stays
// under 2^24.
func largeID(ri int, kind byte, n int) string {
	return fmt.Sprintf(largePrefix+"7000-8000-%02x%02x%08x", ri&0xff, kind, n|(ri>>8)<<24)
}

// LargeSize is how much synthetic data LargeWith makes. Every review is
// the same size except for its survey.
type LargeSize struct {
	Reviews        int // LargeReviews at scale 1
	RespondentsPer int // people answering each review's survey; LargeRespondentsPer at scale 1
	// ShortQuestionIDs names the questions q1, q2... as a CSV import does,
	// instead of UUIDs as questions typed in get: every stored answer is
	// keyed by its question, so this decides most of a big survey's size.
	ShortQuestionIDs bool
}

// Scaled is scale times the default data: scale × 100 reviews of the
// usual size.
func Scaled(scale int) LargeSize {
	return LargeSize{Reviews: LargeReviews * max(scale, 1), RespondentsPer: LargeRespondentsPer}
}

const (
	lkReview byte = iota + 1
	lkMember
	lkMeeting
	lkEvidence
	lkFinding
	lkStandard
	lkSurvey
	lkQuestion
	lkRespondent
	lkRecommendation
	lkSubPoint
	lkCriterion
	lkAction
)

// Large fills s with deterministic synthetic reviews, importing one review
// per transaction so memory stays flat however big the total. progress, if
// not nil, is told how far it has got after every ten reviews.
func Large(ctx context.Context, s Importer, progress func(string)) error {
	return LargeWith(ctx, s, Scaled(1), progress)
}

// LargeWith is Large at another size.
func LargeWith(ctx context.Context, s Importer, size LargeSize, progress func(string)) error {
	members := largeMembers()
	for ri := range size.Reviews {
		if err := ctx.Err(); err != nil {
			return err
		}
		r := largeReview(ri, members, size.RespondentsPer)
		if size.ShortQuestionIDs {
			shortQuestionIDs(&r.Surveys[0])
		}
		if _, err := s.ImportReviews(ctx, r); err != nil {
			return fmt.Errorf("loading synthetic review %d of %d: %w", ri+1, size.Reviews, err)
		}
		if progress != nil && ((ri+1)%max(10, size.Reviews/10) == 0 || ri+1 == size.Reviews) {
			progress(fmt.Sprintf("Loaded %d of %d reviews (%s survey answers so far).",
				ri+1, size.Reviews, thousands((ri+1)*size.RespondentsPer*LargeQuestionsPer)))
		}
	}
	return nil
}

// thousands writes 1000000 as "1,000,000".
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// largeMembers is the roster shared by all synthetic reviews.
func largeMembers() []review.Member {
	first := []string{"Ann", "Bilal", "Carol", "Derek", "Edna", "Faisal", "Grace", "Harold", "Irene", "Jamal",
		"Kath", "Len", "Maureen", "Nadia", "Owen", "Priya", "Ray", "Sheila", "Terry", "Vera"}
	last := []string{"Atkinson", "Begum", "Clarke", "Doyle", "Evans", "Farooq", "Green", "Hughes", "Iqbal", "Jones"}
	var ms []review.Member
	for i, f := range first {
		role := review.RoleMember
		switch i {
		case 0:
			role = review.RoleChair
		case 18:
			role = review.RoleFacilitator
		case 19:
			role = review.RoleStaffAdviser
		}
		ms = append(ms, review.Member{ID: largeID(0, lkMember, i), Name: f + " " + last[i%len(last)], Role: role,
			Joined: review.D(2012+i%8, time.Month(1+i%12), 1+i%28)})
	}
	return ms
}

var (
	largeAreas = []string{"Repairs", "Complaints", "Anti-social behaviour", "Lettings", "Rent and service charges",
		"Estate services", "Customers contacting us", "Damp and mould", "Adaptations", "Communal cleaning",
		"Grounds maintenance", "Gas safety", "New tenancies", "Parking", "Tenancy sustainment", "Fire safety",
		"Void properties", "Customer portal", "Lift repairs", "Neighbourhood walkabouts"}
	largeWords = strings.Fields(`the panel found that customers were often not told when repairs would happen
and staff in the contact centre answered quickly but could not always resolve the query at the first call
letters used plain English and records were kept up to date although some notes were missing from the system
residents said the estate looked cleaner after the new contract and caretakers were friendly and helpful
complaints were logged within two days but replies took longer than the published standard in many cases
the website explained the service clearly yet the online form did not confirm that a request had been received`)
	largeTargets = []struct{ promise, target, unit string }{
		{"Calls answered within 4 minutes", "at least 80%", "%"},
		{"Emergency repairs attended", "within 24 hours", " hours"},
		{"Complaints answered", "within 10 working days", " days"},
		{"Emails answered", "within 4 working hours", " hours"},
		{"Routine repairs completed", "within 28 days", " days"},
		{"Satisfaction with the service (score out of 10)", "higher than 7.4", ""},
	}
)

// sentence returns n words from the word list, starting somewhere random.
func sentence(rng *rand.Rand, n int) string {
	start := rng.IntN(len(largeWords))
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(largeWords[(start+i)%len(largeWords)])
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

// largeReview builds synthetic review number ri (0-based), the same every
// time. Benchmarks can use it to load one review without the whole set.
func largeReview(ri int, members []review.Member, respondents int) *review.Review {
	rng := rand.New(rand.NewPCG(uint64(ri)+1, 0x5c12))
	area := largeAreas[ri%len(largeAreas)]
	year := 2015 + ri%10
	start := review.D(year, time.Month(1+ri%8), 1+ri%27)
	r := &review.Review{
		ID:           largeID(ri, lkReview, 0),
		Topic:        fmt.Sprintf("%s review %d", area, ri/len(largeAreas)+1),
		ServiceArea:  area,
		WhyArea:      sentence(rng, 30),
		Start:        start,
		End:          review.D(year, start.Month+3, start.Day),
		BoardDate:    review.D(year, start.Month+4, 1+ri%27),
		Stage:        review.Stages[ri%len(review.Stages)],
		Introduction: sentence(rng, 60),
		Approach:     sentence(rng, 25),
		Summary:      sentence(rng, 80),
		Scope: review.Scope{
			Aim:        sentence(rng, 20),
			Objectives: []string{sentence(rng, 12), sentence(rng, 12), sentence(rng, 12), sentence(rng, 12)},
			FocusAreas: []string{sentence(rng, 8), sentence(rng, 8), sentence(rng, 8)},
			OutOfScope: []string{sentence(rng, 10)},
		},
		Judgement: review.Judgement{Level: review.Levels[ri%4], Explanation: sentence(rng, 30)},
	}
	if ri%5 == 0 {
		r.Judgement = review.Judgement{Word: "Improving", Explanation: sentence(rng, 30)}
	}
	for i := range 8 {
		m := members[(ri+i*3)%len(members)]
		r.MemberIDs = append(r.MemberIDs, m.ID)
		r.Members = append(r.Members, m)
	}
	for i := range 6 {
		r.Meetings = append(r.Meetings, review.Meeting{
			ID: largeID(ri, lkMeeting, i), Date: review.D(year, start.Month, 1+i*4), StartTime: "10:00", EndTime: "12:30",
			Venue: "Community centre", Attendees: r.MemberIDs[:6], Apologies: r.MemberIDs[6:7],
			Agenda:    []review.AgendaItem{{Title: sentence(rng, 5), Minutes: 30}, {Title: sentence(rng, 5), Minutes: 45}},
			Notes:     sentence(rng, 40),
			Decisions: []string{sentence(rng, 10)},
			Expenses:  []review.Expense{{MemberID: r.MemberIDs[1], Description: "Bus fare", Pence: int64(300 + rng.IntN(300))}},
		})
	}
	for i := range LargeEvidencePer {
		r.Evidence = append(r.Evidence, review.Evidence{
			ID: largeID(ri, lkEvidence, i), Kind: review.EvidenceKinds[i%len(review.EvidenceKinds)],
			Title: sentence(rng, 6), Date: review.D(year, start.Month+time.Month(i%3), 1+i%28),
			Who: "Service manager", Notes: sentence(rng, 40),
		})
	}
	for i := range LargeFindingsPer {
		f := review.Finding{ID: largeID(ri, lkFinding, i), Kind: review.GoodPractice, Text: sentence(rng, 25),
			EvidenceIDs: []string{r.Evidence[i%LargeEvidencePer].ID}}
		if i%2 == 1 {
			f.Kind = review.Issue
		}
		if i%3 == 0 {
			f.EvidenceIDs = append(f.EvidenceIDs, r.Evidence[(i*7+1)%LargeEvidencePer].ID)
		}
		r.Findings = append(r.Findings, f)
	}
	for i, t := range largeTargets {
		r.Standards = append(r.Standards, review.Standard{
			ID: largeID(ri, lkStandard, i), Promise: t.promise, Target: t.target,
			Actual: strconv.Itoa(1+rng.IntN(90)) + t.unit, Period: "end of the quarter", Source: "Performance team",
			Verdict: review.MetState(1 + rng.IntN(2)), Evidence: r.Evidence[0].ID,
		})
	}
	r.Surveys = []review.Survey{largeSurvey(ri, rng, r.Evidence[3].ID, respondents)}
	for i := range LargeRecommendationsPer {
		rec := review.Recommendation{ID: largeID(ri, lkRecommendation, i), Text: sentence(rng, 20),
			FindingIDs: []string{r.Findings[(i*6+1)%LargeFindingsPer].ID, r.Findings[(i*6+3)%LargeFindingsPer].ID}}
		for j := range i % 5 {
			rec.SubPoints = append(rec.SubPoints, review.SubPoint{ID: largeID(ri, lkSubPoint, i*10+j), Text: sentence(rng, 10)})
		}
		if r.Stage == review.StageBoardResponse || r.Stage == review.StageActionPlan || r.Stage == review.StageFollowUp || r.Stage == review.StageClosed {
			rec.Response = review.Response{Decision: review.Decisions[i%len(review.Decisions)],
				Date: review.D(year, time.December, 1), Words: sentence(rng, 20)}
			if rec.Response.Decision.NeedsReason() {
				rec.Response.Reason = sentence(rng, 10)
			}
			for k := range 1 + i%3 {
				a := review.Action{ID: largeID(ri, lkAction, i*10+k), Text: sentence(rng, 12), Owner: "Head of service",
					Due: review.D(year+1, time.Month(1+(i+k)%12), 1), Status: review.ActionStatuses[(i+k)%len(review.ActionStatuses)]}
				if a.Status.NeedsReason() {
					a.Reason = "Waiting for the new system"
				}
				a.Updates = []review.ActionUpdate{{Date: review.D(year+1, time.January, 15), Note: sentence(rng, 8), By: "Service lead"}}
				rec.Actions = append(rec.Actions, a)
			}
		}
		r.Recommendations = append(r.Recommendations, rec)
	}
	for i, name := range []string{"Timeliness", "Quality of the service", "Keeping customers informed", "Overall customer service"} {
		r.Criteria = append(r.Criteria, review.Criterion{ID: largeID(ri, lkCriterion, i), Name: name,
			Level: review.Levels[(ri+i)%4], Rationale: sentence(rng, 20),
			Votes: [5]int{0, rng.IntN(3), rng.IntN(4), rng.IntN(5), rng.IntN(2)}})
	}
	return r
}

// largeSurvey has n respondents each answering all
// LargeQuestionsPer questions: 16 scales from 1 to 10 (a few "don't know"),
// two yes/no, one choice and one free text.
func largeSurvey(ri int, rng *rand.Rand, evidenceID string, n int) review.Survey {
	sv := review.Survey{ID: largeID(ri, lkSurvey, 0), Name: "Customer survey", Date: review.D(2015+ri%10, 6, 1),
		Channel: review.Channels[ri%len(review.Channels)], Sent: n * 8, Evidence: evidenceID}
	for q := range LargeQuestionsPer {
		qu := review.Question{ID: largeID(ri, lkQuestion, q), Text: fmt.Sprintf("Question %d: %s", q+1, sentence(rng, 8))}
		switch {
		case q < 16:
			qu.Kind, qu.Min, qu.Max = review.QuestionScale, 1, 10
		case q < 18:
			qu.Kind = review.QuestionYesNo
		case q == 18:
			qu.Kind, qu.Labels = review.QuestionChoice, []string{"phone", "email", "web chat", "portal", "in person"}
		default:
			qu.Kind = review.QuestionFreeText
		}
		sv.Questions = append(sv.Questions, qu)
	}
	methods := []string{"phone", "phone", "phone", "email", "portal", "in person"}
	rs := make([]review.Respondent, 0, n)
	for p := range n {
		resp := review.Respondent{ID: largeID(ri, lkRespondent, p),
			Attrs:   map[string]string{"contact method": methods[rng.IntN(len(methods))]},
			Answers: make(map[string]string, LargeQuestionsPer)}
		for _, qu := range sv.Questions {
			var a string
			switch qu.Kind {
			case review.QuestionScale:
				if rng.IntN(50) == 0 {
					a = review.Excluded
				} else {
					// Lumpy like real surveys: many 10s, a tail of 1s.
					a = strconv.Itoa([]int{1, 1, 2, 3, 4, 5, 6, 7, 7, 8, 8, 9, 9, 10, 10, 10}[rng.IntN(16)])
				}
			case review.QuestionYesNo:
				a = []string{"yes", "no"}[rng.IntN(2)]
			case review.QuestionChoice:
				a = qu.Labels[rng.IntN(len(qu.Labels))]
			default:
				a = sentence(rng, 3+rng.IntN(10))
			}
			resp.Answers[qu.ID] = a
		}
		rs = append(rs, resp)
	}
	sv.Respondents = review.RespondentsFrom(rs)
	return sv
}

// LargeReview returns synthetic review number i of the large database
// (0 to LargeReviews-1) without a database: every one has the same counts,
// so any of them is "the largest review" for benchmarks of the report.
func LargeReview(i int) *review.Review { return largeReview(i, largeMembers(), LargeRespondentsPer) }

// shortQuestionIDs renames sv's questions q1, q2... in its answers too.
func shortQuestionIDs(sv *review.Survey) {
	list := sv.Respondents.List()
	for i := range sv.Questions {
		old, id := sv.Questions[i].ID, "q"+strconv.Itoa(i+1)
		sv.Questions[i].ID = id
		for j := range list {
			if a, ok := list[j].Answers[old]; ok {
				delete(list[j].Answers, old)
				list[j].Answers[id] = a
			}
		}
	}
	sv.Respondents = review.RespondentsFrom(list)
}
