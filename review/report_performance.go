package review

import (
	"strings"
)

// The report's "Performance" part: the scorecard of the measures the
// review reads, as a table, a chart of each measure over time, the detail
// behind each figure (margin of error, small bases, groups) and which
// findings cite each measure. It sits under "Good practice and findings",
// since the figures are evidence, and is left out when the review reads no
// measures. Like the rest of the report it is blocks of the one model, so
// markdown, the web page and the Word document all draw it.

// ScorecardColumns are the headings of the scorecard table, in order.
var ScorecardColumns = []string{"Measure", "Latest", "Target", "Met?", "Change since last period", "Comparator", "Over time"}

// ScorecardCells gives a row's cells as text, in ScorecardColumns order;
// user text is cleaned of control characters but not escaped for any
// format.
func ScorecardCells(row ScoreRow) []string {
	m := row.Measure
	name := CleanLine(m.Code)
	if n := CleanLine(m.Name); n != "" {
		name += " " + n
	}
	if !row.Has {
		return []string{name, "no results yet", "", "", "", "", ""}
	}
	latest := FormatValue(m.Unit, row.Latest.Value) + " (" + CleanLine(row.Latest.Period) + ")"
	if row.Margin != "" {
		latest += " " + row.Margin
	}
	if row.SmallBase {
		latest += ", small base (" + thousands(row.Latest.Base) + ")"
	}
	met := ""
	if row.Latest.HasTarget {
		met = row.Met.Label()
	}
	change := row.Change
	if change == "" {
		change = "no earlier " + periodKind(row.Latest.Period)
	}
	return []string{name, latest, m.TargetText(row.Latest), met, change, CleanLine(m.ComparatorText(row.Latest)), chartCell(row)}
}

// chartCell is the sparkline with the first and last period beside it, so
// the picture is never the only way to read the trend.
func chartCell(row ScoreRow) string {
	if len(row.Series) < 2 {
		return ""
	}
	first, last := row.Series[0], row.Series[len(row.Series)-1]
	return row.Chart + " " + CleanLine(first.Period) + " to " + CleanLine(last.Period)
}

func periodKind(period string) string {
	p, err := ParsePeriod(period)
	switch {
	case err != nil:
		return "period"
	case p.Months == 3:
		return "quarter"
	case p.Months == 1:
		return "month"
	}
	return "year"
}

// thousands writes n with commas: 19,000.
func thousands(n int) string {
	s := itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

// scorecardTable is the scorecard as a table of the report model.
func scorecardTable(rows []ScoreRow) *Table {
	t := &Table{Caption: "Scorecard: the latest result of each measure", Head: ScorecardColumns,
		Widths: []int{22, 18, 12, 10, 18, 10, 10}, RowHeads: true}
	for _, row := range rows {
		var cells []Text
		for _, c := range ScorecardCells(row) {
			cells = append(cells, plain(orDash(c)))
		}
		t.Rows = append(t.Rows, cells)
	}
	return t
}

// chartPeriods is how many of the latest periods the report's chart shows
// per measure: a Board paper reads the recent trend, and the table's
// sparkline already covers the whole series.
const chartPeriods = 6

// performanceChart draws each measure with two or more periods as a group
// of bars, one per period (the latest chartPeriods), each measure on its
// own scale (percentages and minutes share no axis).
func performanceChart(rows []ScoreRow) *Chart {
	c := &Chart{Title: "Results over time", PerGroup: true,
		Desc: "For each measure with more than one period, its result in each of its last " + itoa(chartPeriods) +
			" periods, each measure on its own scale."}
	fig := &Table{Caption: "Figures of the chart: results per period", Head: []string{"Measure", "Period", "Result"},
		Widths: []int{50, 25, 25}, RowHeads: true}
	for _, row := range rows {
		if len(row.Series) < 2 {
			continue
		}
		m := row.Measure
		name := CleanLine(m.Code + " " + m.Name)
		g := BarGroup{Label: name}
		for _, r := range row.Series[max(0, len(row.Series)-chartPeriods):] {
			v := FormatValue(m.Unit, r.Value)
			g.Bars = append(g.Bars, Bar{Label: CleanLine(r.Period), Value: r.Value, Text: v})
			fig.Rows = append(fig.Rows, []Text{plain(name), plain(CleanLine(r.Period)), plain(v)})
		}
		c.Groups = append(c.Groups, g)
	}
	if len(c.Groups) == 0 {
		return nil
	}
	c.Figures = fig
	return c
}

func (b *builder) performance() {
	r := b.r
	if len(r.Measures) == 0 {
		return
	}
	rows := Scorecard(WithSurveyResults(r.Measures, r))
	b.heading(3, "performance", "Performance")
	b.text("The landlord's results for the measures the panel looked at. Met or not is worked out from the latest " +
		"result and its target. Changes are from the period before of the same length; a change smaller than " +
		"the margin of error (at 95%, for survey results) is not read as better or worse.")
	b.add(Block{Kind: BlockTable, Table: scorecardTable(rows)})
	var notes []string
	for _, row := range rows {
		if n := performanceNote(r, row, b.findingRef); n != "" {
			notes = append(notes, n)
		}
	}
	b.bullets(notes)
	if c := performanceChart(rows); c != nil {
		b.chart(c)
	}
	for _, m := range r.Measures {
		if m.IsTSM() {
			b.note("Tenant Satisfaction Measures are as defined in the " + TSMEdition + ".")
			break
		}
	}
}

// performanceNote is the detail behind a measure's latest figure: its
// base, the homes surveyed from, its source, its groups and the findings
// that cite it; "" when there is none.
func performanceNote(r *Review, row ScoreRow, refs map[string]string) string {
	if !row.Has {
		return ""
	}
	m := row.Measure
	var parts []string
	if row.Latest.Base > 0 {
		parts = append(parts, "base "+thousands(row.Latest.Base))
	}
	if row.Latest.Population > 0 {
		parts = append(parts, "from "+thousands(row.Latest.Population)+" homes")
	}
	if src := CleanLine(row.Latest.Source); src != "" {
		parts = append(parts, "source: "+src)
	}
	var groups []string
	for _, g := range m.Groups(row.Latest.Period) {
		s := CleanLine(g.GroupText()) + " " + FormatValue(m.Unit, g.Value)
		if mg := m.Margin(g); mg != "" {
			s += " " + mg
		}
		if m.SmallBase(g) {
			s += " (small base, " + thousands(g.Base) + ")"
		}
		groups = append(groups, s)
	}
	if len(groups) > 0 {
		parts = append(parts, "by group: "+strings.Join(groups, "; "))
	}
	if cites := citedBy(r, m.ID, refs); cites != "" {
		parts = append(parts, "cited by "+cites)
	}
	if len(parts) == 0 {
		return ""
	}
	return CleanLine(m.Code) + " " + CleanLine(row.Latest.Period) + ": " + strings.Join(parts, "; ")
}

// citedBy lists the findings citing measure id: "F2, F5".
func citedBy(r *Review, id string, refs map[string]string) string {
	var out []string
	for i, f := range r.Findings {
		for _, mid := range f.MeasureIDs {
			if mid == id {
				ref := refs[f.ID]
				if ref == "" {
					ref = "finding " + itoa(i+1)
				}
				out = append(out, ref)
				break
			}
		}
	}
	return strings.Join(out, ", ")
}
