package example

import "scrutiny/review"

// The Board's response, the action plan and the 6-month follow-up below are
// illustrative: the published report ends at the recommendations, so these
// were written to fit its story, not taken from it.

// Follow-up point IDs.
var (
	pSixMonths    = exID(951)
	pTwelveMonths = exID(952)
)

// addAfterReport gives the example's recommendations (in order) the
// Board's answer and actions, and the review its follow-up points, the
// checks made at six months, and the panel's impact statement so far.
func addAfterReport(r *review.Review) {
	board := r.BoardDate
	answer := func(d review.Decision, words, reason string) review.Response {
		return review.Response{Decision: d, Date: board, Words: words, Reason: reason}
	}
	n := 960
	act := func(text, owner string, due review.Date, st review.ActionStatus, updates ...review.ActionUpdate) review.Action {
		n++
		return review.Action{ID: exID(n), Text: text, Owner: owner, Due: due, Status: st, Updates: updates}
	}
	upd := func(d review.Date, note, by string) review.ActionUpdate {
		return review.ActionUpdate{Date: d, Note: note, By: by}
	}
	const hub, contact, digital, comms, neigh = "Customer Hub Manager", "Head of Customer Contact", "Digital Services Lead", "Communications Manager", "Head of Neighbourhoods"

	recs := r.Recommendations
	recs[0].Response = answer(review.Accepted, "Agreed. First contact resolution is at the heart of the Customer Experience strategy.", "")
	recs[0].Actions = []review.Action{
		act("Train every Hub adviser to handle repairs, rents and estate queries", hub, review.D(2019, 9, 30), review.Done,
			upd(review.D(2019, 10, 4), "All 38 advisers trained; new starters trained in their first month", hub)),
		act("Hold a monthly session for the team to share what they have learned", hub, review.D(2019, 7, 31), review.Done),
		act("Put a team leader on hand for complicated queries at busy times", contact, review.D(2019, 12, 31), review.OnTrack,
			upd(review.D(2019, 10, 28), "Support desk agreed; starts after the new rota in December", contact)),
	}
	recs[1].Response = answer(review.Accepted, "Agreed. Call backs will be tracked and reported to the Customer Services Committee.", "")
	recs[1].Actions = []review.Action{
		act("Track every task and call back on the new system, with a weekly report of those missed", contact, review.D(2019, 8, 31), review.Behind,
			upd(review.D(2019, 10, 28), "Weekly reports started in October, two months late: the system change slipped", contact)),
	}
	recs[2].Response = answer(review.PartlyAccepted, "Agreed in part.",
		"The new housing system arrives in phases over two years; an automated repairs booking tool cannot be afforded this year and will be looked at again in the 2020 budget.")
	recs[2].Actions = []review.Action{
		act("Move web chat onto the home page", digital, review.D(2019, 6, 30), review.Done),
		act("Go live with the first phase of the new housing system", "Director of IT", review.D(2020, 3, 31), review.OnTrack),
	}
	recs[3].Response = answer(review.Accepted, "Agreed, with help for customers who are not online.", "")
	recs[3].Actions = []review.Action{
		act("Write a digital communication plan with how-to videos, including logging in to the Resident Area", comms, review.D(2019, 10, 31), review.Done),
		act("Run drop-in sessions with Neighbourhood Service Managers for customers who want help getting online", neigh, review.D(2019, 11, 30), review.NotStarted),
	}
	recs[4].Response = answer(review.Accepted, "Agreed.", "")
	recs[4].Actions = []review.Action{
		act("Add messages on the website: a repair reported online does not book an appointment, and what to do when a service is down", digital, review.D(2019, 7, 31), review.Done),
	}
	recs[5].Response = answer(review.UnderConsideration, "The Board asked Neighbourhoods to cost digital boards for the larger schemes before deciding.", "")

	r.FollowUpPoints = []review.FollowUpPoint{
		{ID: pSixMonths, Label: "6 months", Due: board.AddMonths(6), Held: review.D(2019, 11, 7)},
		{ID: pTwelveMonths, Label: "12 months", Due: board.AddMonths(12)},
	}
	check := func(changed, measure, then, now string, v review.Verdict) []review.Check {
		return []review.Check{{PointID: pSixMonths, Changed: changed, Measure: measure, AtReport: then, Now: now, Verdict: v}}
	}
	recs[0].FollowUp = check("Advisers now settle most repairs and rent queries on the first call; the support desk is not running yet.",
		"Calls answered within 4 minutes", "70%", "78%", review.PartlyDone)
	recs[1].FollowUp = check("Missed call backs are now reported weekly, but only since October.", "", "", "", review.TooEarly)
	recs[2].FollowUp = check("Web chat is on the home page and used more; the new system is still being built.",
		"Web chats a month", "410", "620", review.PartlyDone)
	recs[3].FollowUp = check("The plan and videos are out; no drop-in sessions yet.", "", "", "", review.PartlyDone)
	recs[4].FollowUp = check("Both messages are on the website, checked by two of us in October.", "", "", "", review.Implemented)
	recs[5].FollowUp = check("No decision yet on the noticeboards.", "", "", "", review.NotImplemented)
	r.Impact = "Six months on, five of our six recommendations were accepted in full or in part and one of them is fully in place. " +
		"Calls answered within four minutes rose from 70% to 78%, and more customers use web chat. " +
		"Call backs are the gap: we will look again at the 12-month check."
}
