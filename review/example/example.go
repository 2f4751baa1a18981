// Package example builds data to look at and to measure with: Review is a
// realistic finished review, Large fills a database with synthetic reviews
// for speed work.
//
// The example follows the facts and figures of a real public scrutiny report
// (a tenant panel's review of how customers contact their landlord, Great
// Places Housing Group, January to March 2019). The figures are the
// report's; the wording is ours, and so are the details the report does not
// give: the members' names, meeting and evidence dates, expenses, the room's
// votes and the one out-of-scope item. Survey answers are built to reproduce
// the published figures (see scoreSpec for which match exactly).
package example

import (
	"context"
	"fmt"

	"scrutiny/review"
)

// Importer is the part of the store the example needs: merging whole
// reviews by ID. It is declared here so the domain's data imports no
// database; *store.Store satisfies it.
type Importer interface {
	ImportReviews(ctx context.Context, rs ...*review.Review) (review.MergeResult, error)
}

// ID is the fixed ID of the example review, so loading it twice
// updates one review instead of adding a second.
const ID = "0169e2b4-1a00-7000-8000-000000000001"

// exID returns the fixed ID of the example's n-th item. Ranges keep kinds
// apart: members 100s, meetings 200s, evidence 300s, findings 400s,
// standards 500s, surveys and questions 600s, recommendations 700s,
// sub-points 800s, criteria 900s, respondents 10000s and 20000s.
func exID(n int) string { return fmt.Sprintf("0169e2b4-1a00-7000-8000-%012d", n) }

// Load merges the example review into s and returns its ID.
func Load(ctx context.Context, s Importer) (string, error) {
	r := Review()
	if _, err := s.ImportReviews(ctx, r); err != nil {
		return "", fmt.Errorf("loading the example review: %w", err)
	}
	return r.ID, nil
}

// Review returns a complete review in the "reported to board" stage. Each
// call returns a fresh value the caller may change.
func Review() *review.Review {
	r := &review.Review{
		ID:          ID,
		Topic:       "Customers contacting Great Places",
		Landlord:    "Great Places Housing Group",
		ServiceArea: "How customers get in touch with Great Places with a question or to ask for a service: the Customer Hub by phone, email, web chat, the self-service portal and neighbourhood teams",
		WhyArea: "The Board suggested we look at this, and we agreed it matters more than almost anything else: the first contact shapes how customers feel about their landlord. " +
			"The way customers reach Great Places had just changed, with a new Customer Hub and neighbourhood staff working out on their patches, so we wanted to hear how customers found it. " +
			"We knew from the start this would be a big review that touches many other services.",
		Start:     review.D(2019, 1, 10),
		End:       review.D(2019, 3, 28),
		BoardDate: review.D(2019, 5, 2),
		Stage:     review.StageReported,
		Introduction: "Insight is our panel of volunteer customers of Great Places Housing Group. There are eight of us on this review: six volunteers, " +
			"an independent facilitator and a staff adviser from the Customer Involvement team. We look closely at one service at a time, " +
			"act as a critical friend, and report what we find to the Board on behalf of customers.\n\n" +
			"Two new members joined us after hearing about scrutiny at one of the Chief Executive's roadshows. " +
			"We are trying out ways to take part without coming to every meeting: one member joined a meeting in Manchester by video link from Blackpool, " +
			"and we would like a private online group so members can keep in touch between meetings. " +
			"We plan an induction session for new members on regulation, Great Places' history and how a review works.",
		Approach: "We heard from the staff who run the service, watched it at work, asked customers and staff what they think, " +
			"and tried it ourselves as mystery shoppers. We then brought everything together in a desktop review.",
		Summary: "What customers told us in the surveys was less positive than what we saw when we sat in the Hub. " +
			"Low scores mostly came from contact that was not easy or meant extra effort, such as having to ring back.\n\n" +
			"About two thirds of customers said they would, or might, use a digital way to contact Great Places next time. " +
			"Those who would not said they lacked confidence, experience or access. There is an appetite for digital contact, " +
			"but it has to be reliable before more people will trust it. Most of the customers who answered had phoned; " +
			"because we surveyed by text and email only, digital users may be under-represented, and social media might have reached more of them.\n\n" +
			"Registering for the Resident Area was easy, and web chat felt like talking to the same organisation as on the phone, which reassured us.\n\n" +
			"Customers care most about the basics: getting through, being called back, and having their query sorted. " +
			"They rate the staff they speak to more highly than the processes behind them. Our recommendations follow from that.",
		Scope: review.Scope{
			Aim: "To use what customers tell us to shape how Great Places handles contact from customers, so that it meets their needs and priorities.",
			Objectives: []string{
				"Review the Customer Hub and the other ways customers contact Great Places and reach its services",
				"Test the service as it is delivered: listen to calls in the Hub and mystery shop each way of getting in touch",
				"Collect feedback from customers about their experience of contacting Great Places",
				"Ask customers what they need and what matters most to them from this service",
			},
			FocusAreas: []string{
				"What Great Places offers customers who want to get in touch",
				"The processes and systems behind that offer",
				"What customers experience when they make contact",
				"What customers need from the service and what they put first",
			},
			OutOfScope: []string{
				"How well repairs themselves are carried out (we looked only at how customers report them)",
			},
		},
		Judgement: review.Judgement{
			Word: "Improving",
			Explanation: "The room was split between fair and good, and neither word described what we saw. " +
				"The service has clearly got better since the new Hub went live, and some of it is already good, " +
				"but other parts still need work. We are confident that work will happen: this is a service on a journey that has not yet arrived, " +
				"and we expect the action plan to build on the progress already made.",
		},
	}
	r.Members = exampleMembers()
	for _, m := range r.Members {
		r.MemberIDs = append(r.MemberIDs, m.ID)
	}
	r.Meetings = exampleMeetings()
	r.Evidence = exampleEvidence()
	r.Findings = exampleFindings()
	r.Standards = exampleStandards()
	r.Measures = exampleMeasures()
	for _, m := range r.Measures {
		r.MeasureIDs = append(r.MeasureIDs, m.ID)
	}
	for i := range r.Standards {
		r.Standards[i].Measure = standardMeasures[i]
	}
	for i := range r.Findings {
		switch f := &r.Findings[i]; f.ID {
		case fStandards:
			f.MeasureIDs = []string{msCalls, msEmails, msScore}
		case fPhoneWaits:
			f.MeasureIDs = []string{msCalls}
		case fInformed:
			f.MeasureIDs = []string{msTP07}
		}
	}
	r.Surveys = []review.Survey{firstSurvey(), secondSurvey()}
	r.Recommendations = exampleRecommendations()
	r.Criteria = exampleCriteria()
	addAfterReport(r)
	return r
}

// Member IDs, used by meetings and expenses.
var (
	mChair       = exID(101)
	mDennis      = exID(102)
	mPauline     = exID(103)
	mTariq       = exID(104)
	mJoan        = exID(105)
	mSteve       = exID(106)
	mFacilitator = exID(107)
	mAdviser     = exID(108)
)

func exampleMembers() []review.Member {
	return []review.Member{
		{ID: mChair, Name: "Margaret Ashworth", Role: review.RoleChair, Joined: review.D(2015, 6, 1), Notes: "Chair since 2017"},
		{ID: mDennis, Name: "Dennis Okafor", Role: review.RoleMember, Joined: review.D(2016, 3, 14)},
		{ID: mPauline, Name: "Pauline Hargreaves", Role: review.RoleMember, Joined: review.D(2016, 9, 5)},
		{ID: mTariq, Name: "Tariq Mahmood", Role: review.RoleMember, Joined: review.D(2017, 11, 20), Notes: "Joins some meetings by video link from Blackpool"},
		{ID: mJoan, Name: "Joan Whitaker", Role: review.RoleMember, Joined: review.D(2018, 10, 8), Notes: "Joined after a roadshow"},
		{ID: mSteve, Name: "Steve Kowalski", Role: review.RoleMember, Joined: review.D(2018, 10, 8), Notes: "Joined after a roadshow"},
		{ID: mFacilitator, Name: "Helen Brierley", Role: review.RoleFacilitator, Joined: review.D(2015, 6, 1), Notes: "Independent adviser"},
		{ID: mAdviser, Name: "Sam Ellison", Role: review.RoleStaffAdviser, Joined: review.D(2018, 4, 3), Notes: "Customer Involvement Officer"},
	}
}

func exampleMeetings() []review.Meeting {
	all := []string{mChair, mDennis, mPauline, mTariq, mJoan, mSteve, mFacilitator, mAdviser}
	without := func(ids ...string) []string {
		var out []string
	next:
		for _, a := range all {
			for _, id := range ids {
				if a == id {
					continue next
				}
			}
			out = append(out, a)
		}
		return out
	}
	const venue = "Great Places office, Manchester (meeting room 2)"
	bus := func(id string, pence int64) review.Expense {
		return review.Expense{MemberID: id, Description: "Bus fare", Pence: pence}
	}
	return []review.Meeting{
		{
			ID: exID(201), Date: review.D(2019, 1, 10), StartTime: "10:30", EndTime: "13:00", Venue: venue,
			Attendees: without(mTariq), Apologies: []string{mTariq},
			Agenda: []review.AgendaItem{
				{Title: "Welcome and introductions", Minutes: 10},
				{Title: "Customer access performance: overview from Business Intelligence", Minutes: 60},
				{Title: "Agree the aim, objectives and focus areas", Minutes: 45},
			},
			Decisions: []string{"Agreed the scope of the review", "Agreed to shadow the Customer Hub in January"},
			Expenses:  []review.Expense{bus(mDennis, 460), bus(mJoan, 460)},
		},
		{
			ID: exID(202), Date: review.D(2019, 1, 17), StartTime: "10:30", EndTime: "13:00", Venue: venue,
			Attendees: all,
			Agenda: []review.AgendaItem{
				{Title: "Presentation: Head of Customer Contact", Minutes: 60},
				{Title: "Presentation: Head of Neighbourhoods, GM South", Minutes: 60},
			},
			Notes:     "Tariq joined by video link from the Blackpool office.",
			Decisions: []string{"Agreed to send a two-question text survey to customers who had recently made contact"},
			Expenses:  []review.Expense{bus(mDennis, 460), bus(mJoan, 460), bus(mSteve, 380)},
		},
		{
			ID: exID(203), Date: review.D(2019, 2, 7), StartTime: "10:00", EndTime: "14:00", Venue: "Customer Hub, Manchester",
			Attendees: without(mPauline, mSteve), Apologies: []string{mPauline, mSteve},
			Agenda: []review.AgendaItem{
				{Title: "Shadowing calls in the Hub", Minutes: 150},
				{Title: "Update: Head of Service Improvement on the Customer Experience strategy", Minutes: 45},
			},
			Decisions: []string{"Agreed a second customer survey on what matters most", "Agreed to survey the Hub team"},
			Expenses:  []review.Expense{bus(mDennis, 460), {MemberID: mChair, Description: "Lunch", Pence: 650}},
		},
		{
			ID: exID(204), Date: review.D(2019, 3, 28), StartTime: "10:30", EndTime: "13:30", Venue: venue,
			Attendees: without(mAdviser), Apologies: []string{mAdviser},
			Agenda: []review.AgendaItem{
				{Title: "Mystery shopping results", Minutes: 45},
				{Title: "Desktop review of all the evidence", Minutes: 60},
				{Title: "Score the four criteria and agree the judgement", Minutes: 45},
			},
			Decisions: []string{"Agreed six recommendations", "Agreed the overall judgement: Improving"},
			Expenses:  []review.Expense{bus(mDennis, 460), bus(mJoan, 460), bus(mSteve, 380)},
		},
	}
}

// Evidence IDs, used by findings, standards and surveys.
var (
	eOverview    = exID(301)
	eContact     = exID(302)
	eNeighbour   = exID(303)
	eShadow      = exID(304)
	eStrategy    = exID(305)
	eDesktop     = exID(306)
	eSurvey1     = exID(307)
	eSurvey2     = exID(308)
	eStaffSurvey = exID(309)
	eMystery     = exID(310)
)

func exampleEvidence() []review.Evidence {
	return []review.Evidence{
		{ID: eOverview, Kind: review.KindPerformanceData, Title: "Overview of customer access performance", Date: review.D(2019, 1, 10),
			Who:   "Senior analysts, Business Intelligence team",
			Notes: "We started with the trends in contact figures, inside Great Places and compared with others, to give us the context for agreeing our scope."},
		{ID: eContact, Kind: review.KindPresentation, Title: "Presentation from the Head of Customer Contact", Date: review.D(2019, 1, 17),
			Who:   "Head of Customer Contact",
			Notes: "How customers can get in touch and reach services, with most of the time on the Customer Hub and what it is meant to achieve for customers and for the business."},
		{ID: eNeighbour, Kind: review.KindPresentation, Title: "Presentation from the Head of Neighbourhoods, GM South", Date: review.D(2019, 1, 17),
			Who:   "Head of Neighbourhoods, GM South",
			Notes: "How neighbourhood teams now work out in the community with customers since agile working was rolled out, and how well communication and service are working."},
		{ID: eShadow, Kind: review.KindShadowing, Title: "Shadowing the Customer Hub", Date: review.D(2019, 2, 7),
			Who:   "Customer Contact Officers and Team Leaders",
			Notes: "We sat with Hub staff, listened to incoming calls and took notes on each call from the customer's point of view."},
		{ID: eStrategy, Kind: review.KindPresentation, Title: "Update from the Head of Service Improvement on the new Customer Experience strategy", Date: review.D(2019, 2, 7),
			Who:   "Head of Service Improvement",
			Notes: "How Great Places means to build the new Customer Access and Experience strategy into the way services improve."},
		{ID: eSurvey1, Kind: review.KindSurvey, Title: "First customer survey: ease of contact and satisfaction", Date: review.D(2019, 1, 28),
			Who:   "Customers who had recently contacted Great Places",
			Notes: "Two questions sent by text message, the same two the Business Intelligence team ask every month, so we could compare."},
		{ID: eSurvey2, Kind: review.KindSurvey, Title: "Second customer survey: what matters most", Date: review.D(2019, 2, 25),
			Who:   "Customers who had contacted Great Places over two days",
			Notes: "Built on the first survey's answers: how they made contact, whether they would use digital contact in future, and scores for the contact they had."},
		{ID: eStaffSurvey, Kind: review.KindSurvey, Title: "Survey of the Customer Hub team", Date: review.D(2019, 3, 4),
			Who:   "Customer Hub staff",
			Notes: "After shadowing we asked the team what helps them give good service, what gets in the way, and what customers tell them good service means."},
		{ID: eMystery, Kind: review.KindMysteryShop, Title: "Mystery shopping", Date: review.D(2019, 3, 11),
			Who:   "Panel members",
			Notes: "We contacted Great Places ourselves by phone, web chat, email, the website's contact form and the online repair tool, and looked at communal noticeboards."},
		{ID: eDesktop, Kind: review.KindDesktopReview, Title: "Desktop review of the evidence", Date: review.D(2019, 3, 28),
			Who:   "The whole panel",
			Notes: "We went back over everything we had gathered, including the customer and staff feedback and the mystery shops, to agree our key findings."},
	}
}
