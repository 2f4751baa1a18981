package example

import "scrutiny/review"

// Finding IDs, used by recommendations.
var (
	fVision        = exID(401)
	fModel         = exID(402)
	fDigitalAim    = exID(403)
	fDigitalShare  = exID(404)
	fPortalSignups = exID(405)
	fOnHold        = exID(406)
	fGoLive        = exID(407)
	fStandards     = exID(408)
	fStaffing      = exID(409)
	fPatches       = exID(410)
	fPresence      = exID(411)
	fCallManner    = exID(412)
	fRecords       = exID(413)
	fTeamSupport   = exID(414)
	fFirstContact  = exID(415)
	fSameService   = exID(416)
	fFirstSurvey   = exID(417)
	fComments      = exID(418)
	fInformed      = exID(419)
	fPhoneWaits    = exID(420)
	fStaffScores   = exID(421)
	fPromises      = exID(422)
	fHubHelps      = exID(423)
	fHubHinders    = exID(424)
	fPhoneShop     = exID(425)
	fPortalShop    = exID(426)
	fEmailShop     = exID(427)
	fRepairTool    = exID(428)
	fNoticeboards  = exID(429)
	fSurveyReach   = exID(430)
)

func exampleFindings() []review.Finding {
	gp, is := review.GoodPractice, review.Issue
	ev := func(ids ...string) []string { return ids }
	return []review.Finding{
		{ID: fVision, Kind: gp, EvidenceIDs: ev(eContact),
			Text: "The vision for front-line service puts customers first: staff work with customers rather than doing things for them, so customers have more control over their own lives."},
		{ID: fModel, Kind: gp, EvidenceIDs: ev(eContact),
			Text: "The new model pairs an easy-to-reach Customer Hub with mobile neighbourhood teams who handle every kind of query, backed by technology, so staff work as one team."},
		{ID: fDigitalAim, Kind: gp, EvidenceIDs: ev(eContact),
			Text: "The Corporate Plan aims for more than 80% of customer contact to be digital by March 2021, with self-service open at any hour so staff time goes to the customers who most need it."},
		{ID: fDigitalShare, Kind: gp, EvidenceIDs: ev(eContact, eOverview),
			Text: "By the end of March 2019, 54.6% of the 13,175 contacts logged were digital, beating both the 40% minimum and the 45% stretch target. The target for 2019-20 is 65%."},
		{ID: fPortalSignups, Kind: gp, EvidenceIDs: ev(eContact),
			Text: "A campaign to promote the Resident Area led to a big rise in sign-ups: more than 4,000 customers are now registered for the self-service portal."},
		{ID: fOnHold, Kind: gp, EvidenceIDs: ev(eContact, eShadow),
			Text: "Callers on hold hear how long they are likely to wait, are offered a call back within the hour, and are told about the other ways to get in touch."},
		{ID: fGoLive, Kind: is, EvidenceIDs: ev(eContact, eDesktop),
			Text: "When the new model went live, pressure on staffing led to long waits on the phone, frustrated customers, more complaints, some bad publicity and a loss of confidence. Great Places responded calmly: it filled vacant posts, managed expectations and set interim service standards."},
		{ID: fStandards, Kind: is, EvidenceIDs: ev(eOverview, eContact),
			Text: "At the end of February 2019 only 3 of the 6 service standards were met: calls answered, replies to customer emails and the satisfaction score all missed their targets."},
		{ID: fStaffing, Kind: gp, EvidenceIDs: ev(eContact),
			Text: "When we heard the presentation the Hub was 80% staffed and 75% of the team could handle every type of query; it is now 92% staffed and 85% multi-skilled."},
		{ID: fPatches, Kind: gp, EvidenceIDs: ev(eNeighbour),
			Text: "Smaller patches, with one member of staff covering all neighbourhood work, help build relationships and trust. Neighbourhood Service Managers work closely with repairs, the Hub, social investment and facilities management."},
		{ID: fPresence, Kind: gp, EvidenceIDs: ev(eNeighbour),
			Text: "Being out on the patch means problems are noticed and dealt with sooner, often together with local partners, and tablets have cut down the paperwork."},
		{ID: fCallManner, Kind: gp, EvidenceIDs: ev(eShadow),
			Text: "Every officer we shadowed was polite and helpful: they gave their name, let the caller explain, summed up the query, asked open questions where needed, used plain language and showed empathy."},
		{ID: fRecords, Kind: gp, EvidenceIDs: ev(eShadow),
			Text: "Officers updated the customer's details and noted the call in the housing system as they went, and checked at the end whether there was anything else before closing."},
		{ID: fTeamSupport, Kind: gp, EvidenceIDs: ev(eShadow),
			Text: "Team Leaders were on hand to help with difficult calls, and regular team meetings are used to share good practice and spot training needs."},
		{ID: fFirstContact, Kind: gp, EvidenceIDs: ev(eShadow),
			Text: "Officers rang Neighbourhood Service Managers while the caller was still on the line, so more queries were settled at the first contact instead of being passed on."},
		{ID: fSameService, Kind: gp, EvidenceIDs: ev(eStrategy),
			Text: "The new Customer Experience strategy aims for the same experience whichever way a customer gets in touch, right first time, caring about quality and relationships as well as speed."},
		{ID: fFirstSurvey, Kind: is, EvidenceIDs: ev(eSurvey1),
			Text: "Customers who answered our text survey gave ease of contact 7.42 and the handling of their query 7.22 out of 10. The Business Intelligence team's monthly figure for ease of contact was lower, 6.49 from 159 answers."},
		{ID: fComments, Kind: is, EvidenceIDs: ev(eSurvey1, eSurvey2),
			Text: "Comments behind low scores were about long waits on the phone, call backs, emails and passed-on requests that never came, and not being kept informed, all of which make customers ring again."},
		{ID: fInformed, Kind: is, EvidenceIDs: ev(eSurvey2),
			Text: "Of the five questions every customer was asked about their contact, feeling kept informed scored lowest (6.39 out of 10), even though nearly 4 in 10 still gave it full marks."},
		{ID: fPhoneWaits, Kind: is, EvidenceIDs: ev(eSurvey2),
			Text: "Customers who phoned were least happy with the wait to get through and the time to sort out their query, both 5.4 out of 10 on average; 16 of the 43 phone customers who answered gave the time to resolve their query the lowest score, 1."},
		{ID: fStaffScores, Kind: gp, EvidenceIDs: ev(eSurvey2),
			Text: "Phone customers scored the staff themselves highest: helpfulness 6.7 and competence 6.5 out of 10."},
		{ID: fPromises, Kind: is, EvidenceIDs: ev(eSurvey2),
			Text: "Asked how they feel about Great Places overall, customers scored keeping promises lowest (6.07 out of 10), which matches what the Business Intelligence team's surveys have found."},
		{ID: fHubHelps, Kind: gp, EvidenceIDs: ev(eStaffSurvey),
			Text: "Hub staff said good service comes from supportive colleagues, approachable team leaders, ongoing training, accurate customer information and a well-designed website."},
		{ID: fHubHinders, Kind: is, EvidenceIDs: ev(eStaffSurvey),
			Text: "Hub staff said 70% of the team had been with Great Places less than six months, and that repeat calls, waiting on other teams, too many separate systems and a slow customer records system get in the way."},
		{ID: fPhoneShop, Kind: gp, EvidenceIDs: ev(eMystery),
			Text: "Our mystery shop calls were answered 2 to 6 minutes after choosing a general enquiry, with the wait time and a call back offered, and the answers we got were prompt and thorough."},
		{ID: fPortalShop, Kind: gp, EvidenceIDs: ev(eMystery),
			Text: "Signing up to the Resident Area was easy, needing only an email address and a tenancy reference, and web chat felt just like talking to the Hub on the phone."},
		{ID: fEmailShop, Kind: is, EvidenceIDs: ev(eMystery),
			Text: "Replies to our emails and to the website's contact form took very different lengths of time, even for the same way of getting in touch."},
		{ID: fRepairTool, Kind: is, EvidenceIDs: ev(eMystery),
			Text: "The online repair tool in the Resident Area was out of action with no message to say so. Reporting a repair online does not book an appointment, and nothing tells the customer that."},
		{ID: fNoticeboards, Kind: is, EvidenceIDs: ev(eMystery),
			Text: "The communal noticeboards we checked held little of use: notices were out of date and did not match what the Hub and the website say."},
		{ID: fSurveyReach, Kind: is, EvidenceIDs: ev(eDesktop, eSurvey1, eSurvey2),
			Text: "Most customers who answered our surveys had phoned. We surveyed only by text and email, so people who mainly use digital contact may be under-represented."},
	}
}

func exampleStandards() []review.Standard {
	const period, source = "end of February 2019", "Business Intelligence team"
	st := func(n int, promise, target, actual string, v review.MetState) review.Standard {
		return review.Standard{ID: exID(500 + n), Promise: promise, Target: target, Actual: actual,
			Period: period, Source: source, Verdict: v, Evidence: eOverview}
	}
	return []review.Standard{
		st(1, "80% of calls answered within 4 minutes", "at least 80%", "70%", review.MetNo),
		st(2, "Ring backs within 1 working hour", "within 1 working hour", "14 minutes", review.MetYes),
		st(3, "Customer emails answered within 4 working hours", "within 4 working hours", "13 hours", review.MetNo),
		st(4, "Colleague emails answered within 24 working hours", "within 24 working hours", "20 hours", review.MetYes),
		st(5, "Web chats answered within 3 minutes", "within 3 minutes", "1.53 minutes", review.MetYes),
		st(6, "Satisfaction with the service scored higher than 7.4 out of 10", "higher than 7.4", "7.1", review.MetNo),
	}
}

func exampleRecommendations() []review.Recommendation {
	n := 700
	rec := func(text string, findings []string, subs ...string) review.Recommendation {
		n++
		r := review.Recommendation{ID: exID(n), Text: text, FindingIDs: findings}
		for i, s := range subs {
			r.SubPoints = append(r.SubPoints, review.SubPoint{ID: exID(800 + (n-700)*10 + i), Text: s})
		}
		return r
	}
	f := func(ids ...string) []string { return ids }
	return []review.Recommendation{
		rec("Customer Hub: settle as many contacts as possible at the first point of contact, through",
			f(fFirstContact, fHubHinders, fPhoneWaits, fTeamSupport),
			"training so that everyone in the team can handle every type of query",
			"regular chances for the team to share what they have learned",
			"support on hand for officers dealing with difficult or complicated queries",
			"every colleague keeping customer details up to date and writing accurate notes of each contact",
			"closer working between teams, so that information reaches the Hub when it is needed"),
		rec("Answer tasks and call backs within the promised time, to cut the repeat calls that could have been avoided and to improve customers' experience. This will help build a \"one team\" culture across the business.",
			f(fComments, fStandards, fHubHinders)),
		rec("Make the most of improvements to systems to support good customer service, for example",
			f(fHubHinders, fRepairTool, fEmailShop),
			"better online portal services, including the Resident Area",
			"faster systems",
			"systems that share information with each other",
			"a more automated way to book repairs",
			"web chat easier to find on the website",
			"a review of the information on the website"),
		rec("Increase digital contact: promote it and show what it can do, and help customers who need support to make the move, with a targeted communication plan covering",
			f(fDigitalAim, fDigitalShare, fSurveyReach, fPortalShop),
			"what customers gain from it",
			"demonstrations and one-to-one help from Neighbourhood Service Managers",
			"clear service standards for every way of getting in touch, digital or not",
			"how-to videos and guides for different audiences, including help with logging in to the Resident Area"),
		rec("Website and the Resident Area (self-service portal):",
			f(fRepairTool, fPortalShop, fEmailShop),
			"make live chat easier to find and explain what it can do",
			"make information in the Resident Area easier to reach, with information boxes",
			"put the guide to using the website somewhere prominent on the home page",
			"say clearly that reporting a repair online does not book an appointment",
			"show a message when an online service, such as repair reporting or web chat, is out of action, with the other ways to get in touch"),
		rec("Make better use of communal noticeboards, and of digital boards, so customers see the same information everywhere, with a procedure for keeping notices up to date so they can be relied on.",
			f(fNoticeboards)),
	}
}

// exampleCriteria has the room's votes from the six volunteers; the
// facilitator and the staff adviser do not vote. Votes is indexed by level:
// poor, fair, good, excellent at 1 to 4.
func exampleCriteria() []review.Criterion {
	return []review.Criterion{
		{ID: exID(901), Name: "Timeliness and ease of contact", Level: review.Good, Votes: [5]int{0, 0, 2, 4, 0},
			Rationale: "Waits on the phone are much shorter than at go-live and web chat is quick, but calls still miss the four-minute standard and email replies are slow."},
		{ID: exID(902), Name: "Quality of the response to the query", Level: review.Good, Votes: [5]int{0, 0, 1, 4, 1},
			Rationale: "Staff were polite, knowledgeable and thorough in every call we heard and every mystery shop; customers rate the staff more highly than the process."},
		{ID: exID(903), Name: "Customer kept informed during their contact", Level: review.Fair, Votes: [5]int{0, 1, 4, 1, 0},
			Rationale: "Feeling informed scored lowest in our survey, call backs and replies do not always come, and the website does not say when a service is down."},
		{ID: exID(904), Name: "Overall level of customer service", Level: review.Good, Votes: [5]int{0, 0, 2, 4, 0},
			Rationale: "The service is clearly improving and much of it is already good, though the basics of getting through and getting an answer still need work."},
	}
}
