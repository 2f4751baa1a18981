package review

import "strings"

// FollowMeasures brings each service standard that points at a measure up
// to date from the measure's latest whole result in r.Measures: the actual
// figure and its period become the result's, and a blank target takes the
// result's target. Met then follows the latest result. A standard whose
// measure is not loaded, or has no results yet, keeps what the panel typed.
// It changes r; the screens and the report call it after loading.
func FollowMeasures(r *Review) {
	for i := range r.Standards {
		st := &r.Standards[i]
		if st.Measure == "" {
			continue
		}
		m, ok := r.MeasureByID(st.Measure)
		if !ok {
			continue
		}
		row := scoreRow(m)
		if !row.Has {
			continue
		}
		st.Actual = plainValue(m.Unit, row.Latest.Value)
		st.Period = row.Latest.Period
		if strings.TrimSpace(st.Target) == "" && row.Latest.HasTarget {
			st.Target = m.TargetText(row.Latest)
		}
	}
}

// plainValue writes v as a panel types an actual figure: "70%", "14
// minutes", "1.53 minutes", without a ".0" the panel would not write.
func plainValue(u MeasureUnit, v float64) string {
	s := FormatValue(u, v)
	if i := strings.Index(s, ".0"); i >= 0 && (i+2 == len(s) || s[i+2] < '0' || s[i+2] > '9') {
		s = s[:i] + s[i+2:]
	}
	return s
}

// SurveyResult is a result worked out from a survey question marked as a
// Tenant Satisfaction Measure.
type SurveyResult struct {
	Code     string // the question's measure code, "TP01"
	Survey   string // the survey's name
	Question string
	Result   Result
	// Problem says why no result could be worked out ("the survey has
	// no date"); Result is then empty.
	Problem string
}

// SurveyResults works out a result for every question of r's surveys that
// is marked as a measure: its % satisfied (the top two points of a
// five-point scale) for the financial year of the survey's date, with the
// question's base and population.
func SurveyResults(r *Review) []SurveyResult {
	var out []SurveyResult
	for i := range r.Surveys {
		sv := &r.Surveys[i]
		for j := range sv.Questions {
			q := &sv.Questions[j]
			if strings.TrimSpace(q.Measure) == "" {
				continue
			}
			code, _, _ := ReadMeasureCode(q.Measure)
			sr := SurveyResult{Code: code, Survey: sv.Name, Question: q.Text}
			st := sv.QuestionStats(q)
			switch {
			case !IsPerception(code):
				sr.Problem = code + " is not a tenant perception measure (TP01 to TP12)"
			case sv.Date.IsZero():
				sr.Problem = "the survey has no date, so its year is not known"
			case !st.HasSatisfied:
				sr.Problem = "the question is not on a five-point scale, so % satisfied cannot be worked out"
			case st.Base == 0:
				sr.Problem = "nobody has answered the question yet"
			default:
				sr.Result = Result{Period: FinancialYearOf(sv.Date).String(), Value: st.SatisfiedPct,
					Base: st.Base, Population: q.Population, Source: "survey: " + sv.Name}
			}
			out = append(out, sr)
		}
	}
	return out
}

// WithSurveyResults returns ms with each survey result of r added to the
// measure of its code, unless the panel already entered a whole result for
// that period (what the landlord published wins over the panel's own
// working). ms is not changed.
func WithSurveyResults(ms []Measure, r *Review) []Measure {
	srs := SurveyResults(r)
	if len(srs) == 0 {
		return ms
	}
	out := make([]Measure, len(ms))
	copy(out, ms)
	for _, sr := range srs {
		if sr.Problem != "" {
			continue
		}
		for i := range out {
			m := &out[i]
			if !strings.EqualFold(m.Code, sr.Code) || hasWhole(*m, sr.Result.Period) {
				continue
			}
			m.Results = append(append([]Result(nil), m.Results...), sr.Result)
		}
	}
	return out
}

func hasWhole(m Measure, period string) bool {
	for _, r := range m.Results {
		if r.Whole() && r.Period == period {
			return true
		}
	}
	return false
}
