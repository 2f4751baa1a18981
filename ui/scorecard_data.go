package ui

import (
	"errors"
	"slices"
	"strings"

	"scrutiny/review"
)

// Measures belong to the panel; the review holds the ones it reads. An
// edit to a measure or its results is saved, then applied to every copy
// in memory: the review's and the scorecard tab's list of the panel's.

// measureCopies returns pointers to every copy of measure id in memory.
func (s *scorecardTab) measureCopies(id string) []*review.Measure {
	var out []*review.Measure
	for i := range s.ws.rev.Measures {
		if s.ws.rev.Measures[i].ID == id {
			out = append(out, &s.ws.rev.Measures[i])
		}
	}
	for i := range s.panel {
		if s.panel[i].ID == id {
			out = append(out, &s.panel[i])
		}
	}
	return out
}

func (s *scorecardTab) measure(id string) (review.Measure, bool) {
	if c := s.measureCopies(id); len(c) > 0 {
		return *c[0], true
	}
	return review.Measure{}, false
}

// saveMeasure saves a changed copy of measure id (not its results).
func (s *scorecardTab) saveMeasure(id string, apply func(m *review.Measure) error) error {
	cs := s.measureCopies(id)
	if len(cs) == 0 {
		return errors.New("that measure is no longer there")
	}
	cp := *cs[0]
	cp.Results = slices.Clone(cp.Results)
	if err := apply(&cp); err != nil {
		return err
	}
	if err := s.ws.e.st.SaveMeasure(s.ws.e.ctx, &cp); err != nil {
		return err
	}
	for _, c := range cs {
		res := c.Results
		*c = cp
		c.Results = res
	}
	s.changed()
	return nil
}

// saveResult saves a changed copy of one result of measure id.
func (s *scorecardTab) saveResult(id, resultID string, apply func(r *review.Result) error) error {
	m, ok := s.measure(id)
	if !ok {
		return errors.New("that measure is no longer there")
	}
	i := slices.IndexFunc(m.Results, func(r review.Result) bool { return r.ID == resultID })
	if i < 0 {
		return errors.New("that result is no longer there")
	}
	cp := m.Results[i]
	if err := apply(&cp); err != nil {
		return err
	}
	if err := s.ws.e.st.SaveResult(s.ws.e.ctx, id, &cp); err != nil {
		return err
	}
	s.putResult(id, cp)
	return nil
}

func (s *scorecardTab) putResult(id string, r review.Result) {
	for _, c := range s.measureCopies(id) {
		rs := slices.Clone(c.Results)
		if j := slices.IndexFunc(rs, func(x review.Result) bool { return x.ID == r.ID }); j >= 0 {
			rs[j] = r
		} else {
			rs = append(rs, r)
		}
		c.Results = rs
	}
	s.changed()
}

// changed tells the workspace (the report, the wall) and this tab's rows.
func (s *scorecardTab) changed() {
	s.ws.touch()
	s.builtAt = -1
}

// setReviewMeasures saves the review's list of measures, loading the
// measures it names from the panel's list.
func (s *scorecardTab) setReviewMeasures(ids []string) error {
	byID := map[string]review.Measure{}
	for _, m := range s.ws.rev.Measures {
		byID[m.ID] = m
	}
	for _, m := range s.panel {
		byID[m.ID] = m
	}
	if err := s.ws.saveHeader(func(r *review.Review) { r.MeasureIDs = ids }); err != nil {
		return err
	}
	var ms []review.Measure
	for _, id := range ids {
		if m, ok := byID[id]; ok {
			ms = append(ms, m)
		}
	}
	s.ws.rev.Measures = ms
	review.FollowMeasures(s.ws.rev)
	s.changed()
	return nil
}

// readResultLine reads what is typed to add a result: a period and a
// value, "2024/25 72.5" or "2024/25: 72.5%".
func readResultLine(line string, m review.Measure) (review.Result, error) {
	f := strings.Fields(strings.ReplaceAll(line, ":", " "))
	if len(f) < 2 {
		return review.Result{}, errors.New("type the period and then the value, for example 2024/25 72.5")
	}
	v, ok := review.ReadNumber(f[len(f)-1])
	if !ok {
		return review.Result{}, errors.New("the last thing typed should be the value, a number such as 72.5")
	}
	if why := review.CheckValue(m.Unit, v); why != "" {
		return review.Result{}, errors.New("that value cannot be right: " + why)
	}
	p, err := review.CanonicalPeriod(strings.Join(f[:len(f)-1], " "))
	if err != nil {
		return review.Result{}, err
	}
	for _, r := range m.Results {
		if r.Whole() && r.Period == p {
			return review.Result{}, errors.New(m.Code + " already has a result for " + p + ": change that one instead")
		}
	}
	return review.Result{Period: p, Value: v}, nil
}

// numberText shows a stored number the way it is typed back: "71.4", or
// "" when there is none.
func numberText(v float64, has bool) string {
	if !has {
		return ""
	}
	return strings.TrimSuffix(strings.TrimRight(review.FormatValue(review.UnitScore, v)+"0", "0"), ".")
}

// readOptionalNumber reads a typed number; blank clears it.
func readOptionalNumber(s string) (float64, bool, error) {
	if strings.TrimSpace(s) == "" {
		return 0, false, nil
	}
	v, ok := review.ReadNumber(s)
	if !ok {
		return 0, false, errors.New("type a number, such as 75 or 72.5, or leave it blank")
	}
	return v, true, nil
}

func readCount(s string) (int, error) {
	v, has, err := readOptionalNumber(s)
	if err != nil || !has {
		return 0, err
	}
	if v < 0 || v != float64(int(v)) {
		return 0, errors.New("type a whole number, such as 1104, or leave it blank")
	}
	return int(v), nil
}
