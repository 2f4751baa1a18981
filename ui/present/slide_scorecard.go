package present

import (
	"math"
	"strconv"
	"unicode"
	"unicode/utf8"

	"scrutiny/review"
)

// Item kinds of the scorecard tab.
const (
	ItemScorecard = "scorecard" // the whole table; ItemID unused
	ItemMeasure   = "measure"   // one measure and its results over time
)

// scorecardSlide shows the review's scorecard, or one measure of it when
// the editor has one selected.
func scorecardSlide(r *review.Review, kind, id string) (Slide, bool) {
	rows := review.Scorecard(review.WithSurveyResults(r.Measures, r))
	if kind == ItemMeasure {
		for _, row := range rows {
			if row.Measure.ID == id {
				return measureSlide(row), true
			}
		}
	}
	sl := Slide{Title: "Scorecard"}
	if len(rows) == 0 {
		sl.Lines = append(sl.Lines, textLine("This review reads no measures yet."))
		return sl, true
	}
	sl.Lines = append(sl.Lines, Line{Kind: Row, Header: true, Cells: []string{"Measure", "Latest", "Target", "Met?", "Change"}})
	for _, row := range rows {
		m := row.Measure
		cells := []string{Clean(m.Code + " " + m.Name), "no results yet", "", "", ""}
		if row.Has {
			cells[1] = review.FormatValue(m.Unit, row.Latest.Value) + " " + Clean(row.Latest.Period)
			if row.Margin != "" {
				cells[1] += " " + row.Margin
			}
			if row.Latest.HasTarget {
				cells[2], cells[3] = m.TargetText(row.Latest), row.Met.Label()
			}
			cells[4] = row.Change
		}
		sl.Lines = append(sl.Lines, Line{Kind: Row, Cells: cells, Tone: metTone(row)})
	}
	return sl, true
}

// measureSlide is one measure: the latest figure large, whether it met its
// target, the change in words, and a bar per period with its value.
func measureSlide(row review.ScoreRow) Slide {
	m := row.Measure
	sl := Slide{Title: Clean(m.Code + " " + m.Name)}
	if !row.Has {
		sl.Lines = append(sl.Lines, textLine("No results yet."))
		return sl
	}
	// The figure in block letters; the period and the margin of error in
	// ordinary letters around it.
	sl.Lines = append(sl.Lines, bigLine("In "+Clean(row.Latest.Period)+":", review.FormatValue(m.Unit, row.Latest.Value),
		row.Margin, metTone(row)))
	if row.Latest.HasTarget {
		sl.Lines = append(sl.Lines, textLine(row.Met.Label()+": the target is "+m.TargetText(row.Latest)))
	}
	if row.Change != "" {
		sl.Lines = append(sl.Lines, textLine(capitalise(row.Change)+" since "+Clean(row.Previous.Period)))
	}
	if row.SmallBase {
		sl.Lines = append(sl.Lines, textLine("Small base: only "+strconv.Itoa(row.Latest.Base)+" answers, so read it with care."))
	}
	if c := m.ComparatorText(row.Latest); c != "" {
		sl.Lines = append(sl.Lines, textLine("Compared with "+Clean(c)))
	}
	sl.Lines = append(sl.Lines, gap())
	// Bars share one scale from zero, so their lengths compare honestly;
	// tenths keep close values apart.
	most := 0
	for _, r := range row.Series {
		most = max(most, tenths(r.Value))
	}
	for _, r := range row.Series {
		sl.Lines = append(sl.Lines, Line{Kind: BarLine, Bar: Bar{Label: Clean(r.Period), N: tenths(r.Value), Max: most,
			Note: review.FormatValue(m.Unit, r.Value)}})
	}
	for _, g := range m.Groups(row.Latest.Period) {
		s := Clean(g.GroupText()) + ": " + review.FormatValue(m.Unit, g.Value)
		if mg := m.Margin(g); mg != "" {
			s += " " + mg
		}
		if m.SmallBase(g) {
			s += " (small base)"
		}
		sl.Lines = append(sl.Lines, textLine(s))
	}
	return sl
}

// metTone colours a met or not met result; the words say it either way.
func metTone(row review.ScoreRow) Tone {
	if !row.Has || !row.Latest.HasTarget {
		return ToneNone
	}
	switch row.Met {
	case review.MetYes:
		return ToneGood
	case review.MetNo:
		return ToneIssue
	}
	return ToneNone
}

func tenths(v float64) int { return max(0, int(math.Round(v*10))) }

// capitalise upper-cases the first letter, whatever its width in bytes.
func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
