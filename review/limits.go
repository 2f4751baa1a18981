package review

import (
	"fmt"
	"reflect"
	"slices"
	"unicode/utf8"
)

// Limits on the numbers and text a review may hold. They are far beyond
// any real panel's figures, and they keep every sum the app makes (votes,
// tallies, pence, minutes, over at most a million items) far inside int64,
// so no total can wrap round and show "-£0.02", and no scale can ask for a
// distribution of four billion points. Every way in (a bundle, the example
// data, a survey CSV, the workspace's fields) is held to them; the figures
// still defend themselves against a damaged file (ScaleRange, bounded).
// MaxCount (validate.go) bounds every count: sent, a tally, votes.
const (
	MaxScale   = 100         // a scale runs within 0-100, as --column allows
	MaxPence   = 100_000_000 // one expense: £1,000,000
	MaxMinutes = 24 * 60     // one agenda item
	MaxText    = 200_000     // bytes in any one text: some 60 pages
	MaxTopic   = 1_000       // bytes in a topic, a name or a title shown on one line
)

// ScaleOK reports whether lo-hi is a scale the app can work with.
func ScaleOK(lo, hi int) bool { return lo >= 0 && lo < hi && hi <= MaxScale }

// bounded keeps a number read from a possibly damaged file within ±limit,
// so the sums it goes into stay exact for every value that could have been
// saved.
func bounded[T int | int64](v, limit T) T {
	if v > limit {
		return limit
	}
	if v < -limit {
		return -limit
	}
	return v
}

// CheckLimits reports the first number or text in r outside the limits
// above, as a sentence naming where it is; nil when everything fits.
func (r *Review) CheckLimits() error {
	if len(r.Topic) > MaxTopic {
		return fmt.Errorf("the topic is %d characters long; the most is %d", utf8.RuneCountInString(r.Topic), MaxTopic)
	}
	if err := checkText(reflect.ValueOf(r).Elem(), ""); err != nil {
		return err
	}
	for i, m := range r.Members {
		if len(m.Name) > MaxTopic {
			return fmt.Errorf("member %d: the name is longer than %d characters", i+1, MaxTopic)
		}
	}
	for i, m := range r.Meetings {
		if err := m.CheckLimits(); err != nil {
			return fmt.Errorf("meeting %d: %w", i+1, err)
		}
	}
	for i, e := range r.Evidence {
		if len(e.Title) > MaxTopic {
			return fmt.Errorf("evidence %d: the title is longer than %d characters", i+1, MaxTopic)
		}
		for _, n := range []int{e.Reach.Invited, e.Reach.Saw, e.Reach.Responded, e.Reach.Attended, e.Reach.Apologies} {
			if n < 0 || n > MaxCount {
				return fmt.Errorf("evidence %d: the reach count %d is not between 0 and %d", i+1, n, MaxCount)
			}
		}
	}
	for i, c := range r.Criteria {
		if err := c.CheckLimits(); err != nil {
			return fmt.Errorf("criterion %d: %w", i+1, err)
		}
	}
	for i := range r.Surveys {
		if err := r.Surveys[i].CheckLimits(); err != nil {
			return fmt.Errorf("survey %d: %w", i+1, err)
		}
	}
	return nil
}

// CheckLimits reports the first number of the meeting outside the limits.
func (m Meeting) CheckLimits() error {
	for j, a := range m.Agenda {
		if a.Minutes < 0 || a.Minutes > MaxMinutes {
			return fmt.Errorf("agenda item %d: %d minutes is not between 0 and %d", j+1, a.Minutes, MaxMinutes)
		}
	}
	for j, e := range m.Expenses {
		if e.Pence < -MaxPence || e.Pence > MaxPence {
			return fmt.Errorf("expense %d: %s is more than %s, the most one expense can be", j+1, FormatPence(e.Pence), FormatPence(MaxPence))
		}
	}
	return nil
}

// CheckLimits reports a count of votes outside the limits.
func (c Criterion) CheckLimits() error {
	for _, v := range c.Votes {
		if v < 0 || v > MaxCount {
			return fmt.Errorf("%d votes is not between 0 and %d", v, MaxCount)
		}
	}
	return nil
}

// CheckLimits reports the first number of the survey outside the limits.
func (sv *Survey) CheckLimits() error {
	if sv.Sent < 0 || sv.Sent > MaxCount {
		return fmt.Errorf("%d sent is not between 0 and %d", sv.Sent, MaxCount)
	}
	if sv.High < 0 || sv.High > MaxScale || sv.Low < 0 || sv.Low > MaxScale {
		return fmt.Errorf("the thresholds %d and %d are not between 0 and %d", sv.High, sv.Low, MaxScale)
	}
	for j, q := range sv.Questions {
		if q.Kind != "" && !slices.Contains(QuestionKinds, q.Kind) {
			return fmt.Errorf("question %d: %q is not a kind of question (scale, yes/no, choice or free text)", j+1, CleanLine(string(q.Kind)))
		}
		if q.Kind == QuestionScale && (q.Min != 0 || q.Max != 0) && !ScaleOK(q.Min, q.Max) {
			return fmt.Errorf("question %d: the scale %d-%d is not within 0-%d", j+1, q.Min, q.Max, MaxScale)
		}
		if q.Min < 0 || q.Max < 0 || q.Min > MaxScale || q.Max > MaxScale {
			return fmt.Errorf("question %d: the range %d-%d is not within 0-%d", j+1, q.Min, q.Max, MaxScale)
		}
		if q.TallyExcluded < 0 || q.TallyExcluded > MaxCount {
			return fmt.Errorf("question %d: %d \"don't know\" answers is not between 0 and %d", j+1, q.TallyExcluded, MaxCount)
		}
		for k, n := range q.Tally {
			if n < 0 || n > MaxCount {
				return fmt.Errorf("question %d: the count %d for %q is not between 0 and %d", j+1, n, CleanLine(k), MaxCount)
			}
		}
	}
	return nil
}

// checkText walks every string in v (fields, lists, maps) and reports the
// first longer than MaxText, so a field added later is held to it too.
// Respondents, most of a large survey, are checked by a plain loop.
func checkText(v reflect.Value, where string) error {
	switch v.Kind() {
	case reflect.String:
		if v.Len() > MaxText {
			return tooLong(where, v.Len())
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < v.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			if rs, ok := v.Field(i).Interface().([]Respondent); ok {
				if err := respondentText(rs, join(where, f.Name)); err != nil {
					return err
				}
				continue
			}
			if err := checkText(v.Field(i), join(where, f.Name)); err != nil {
				return err
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			if err := checkText(v.Index(i), fmt.Sprintf("%s %d", where, i+1)); err != nil {
				return err
			}
		}
	case reflect.Map:
		it := v.MapRange()
		for it.Next() {
			if err := checkText(it.Key(), where); err != nil {
				return err
			}
			if err := checkText(it.Value(), where); err != nil {
				return err
			}
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return checkText(v.Elem(), where)
		}
	}
	return nil
}

func respondentText(rs []Respondent, where string) error {
	for i, r := range rs {
		for _, m := range []map[string]string{r.Attrs, r.Answers} {
			for k, a := range m {
				if len(k) > MaxText || len(a) > MaxText {
					return tooLong(fmt.Sprintf("%s %d", where, i+1), max(len(k), len(a)))
				}
			}
		}
	}
	return nil
}

func join(where, field string) string {
	if where == "" {
		return field
	}
	return where + ", " + field
}

func tooLong(where string, n int) error {
	return fmt.Errorf("%s holds a text of %d bytes; the most is %d", where, n, MaxText)
}
