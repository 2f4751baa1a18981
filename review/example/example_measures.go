package example

import "scrutiny/review"

// The example's measures. The six indicators carry the service standards'
// own figures from the published report (end of February 2019), and the
// standards follow them. The Tenant Satisfaction Measures did not exist in
// 2019: their figures below are made up to show how a scorecard reads, are
// not Great Places' published results, and say so in their source. There
// are deliberately no comparators, because we could not cite one.

const illustrative = "Illustrative figures for the example, not Great Places' published results"

// Measure IDs, used by the standards and the findings that cite them.
var (
	msCalls    = exID(1001)
	msRingBack = exID(1002)
	msEmails   = exID(1003)
	msColleag  = exID(1004)
	msWebChat  = exID(1005)
	msScore    = exID(1006)
	msTP01     = exID(1007)
	msTP07     = exID(1008)
	msCH02     = exID(1009)
)

func exampleMeasures() []review.Measure {
	n := 1100
	res := func(period string, value float64, base int, target float64, hasTarget bool, source string) review.Result {
		n++
		return review.Result{ID: exID(n), Period: period, Value: value, Base: base, Target: target, HasTarget: hasTarget, Source: source}
	}
	const feb, bi = "February 2019", "Business Intelligence team"
	ind := func(id, code, name string, unit review.MeasureUnit, dir review.Direction, value, target float64) review.Measure {
		return review.Measure{ID: id, Code: code, Name: name, Unit: unit, Direction: dir,
			Results: []review.Result{res(feb, value, 0, target, true, bi)}}
	}
	tp01 := review.Measure{ID: msTP01, Code: "TP01", Name: "Overall satisfaction", Unit: review.UnitPct, Direction: review.HigherBetter,
		Counts: "Tenants who say they are satisfied with the overall service from their landlord.",
		Results: []review.Result{
			res("2022/23", 68.2, 1012, 75, true, illustrative),
			res("2023/24", 71.0, 1104, 75, true, illustrative),
		}}
	// A split by locality, one of them a small base, to show both.
	for _, g := range []struct {
		name  string
		value float64
		base  int
	}{{"North West", 72.3, 812}, {"Yorkshire", 69.9, 266}, {"Lancashire coast", 61.5, 26}} {
		r := res("2023/24", g.value, g.base, 0, false, illustrative)
		r.GroupBy, r.Group = "locality", g.name
		tp01.Results = append(tp01.Results, r)
	}
	for i := range tp01.Results {
		tp01.Results[i].Population = 19000
	}
	tp07 := review.Measure{ID: msTP07, Code: "TP07", Name: "Keeps tenants informed", Unit: review.UnitPct, Direction: review.HigherBetter,
		Counts: "Tenants who are satisfied that their landlord keeps them informed about things that matter to them.",
		Results: []review.Result{
			res("2022/23", 66.1, 1009, 72, true, illustrative),
			res("2023/24", 65.0, 1101, 72, true, illustrative),
		}}
	ch02 := review.Measure{ID: msCH02, Code: "CH02 (1)", Name: "Stage 1 complaints answered in time", Unit: review.UnitPct, Direction: review.HigherBetter,
		Counts: "Stage one complaints responded to within the Complaint Handling Code timescales.",
		Results: []review.Result{
			res("2022/23", 78.4, 1530, 95, true, illustrative),
			res("2023/24", 91.2, 1488, 95, true, illustrative),
		}}
	return []review.Measure{
		ind(msCalls, "CALLS4", "Calls answered within 4 minutes", review.UnitPct, review.HigherBetter, 70, 80),
		ind(msRingBack, "RINGBACK", "Time to ring a customer back", review.UnitMinutes, review.LowerBetter, 14, 60),
		ind(msEmails, "EMAILS", "Time to answer a customer's email", review.UnitHours, review.LowerBetter, 13, 4),
		ind(msColleag, "COLLEAGUE", "Time to answer a colleague's email", review.UnitHours, review.LowerBetter, 20, 24),
		ind(msWebChat, "WEBCHAT", "Time to answer a web chat", review.UnitMinutes, review.LowerBetter, 1.53, 3),
		ind(msScore, "SCORE", "Satisfaction with the service, out of 10", review.UnitScore, review.HigherBetter, 7.1, 7.4),
		tp01, tp07, ch02,
	}
}

// standardMeasures is which indicator each standard follows, by position.
var standardMeasures = []string{msCalls, msRingBack, msEmails, msColleag, msWebChat, msScore}
