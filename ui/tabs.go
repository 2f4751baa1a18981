package ui

import (
	tea "charm.land/bubbletea/v2"

	"scrutiny/ui/text"
)

// tab is one part of the review workspace (Overview, Evidence...). Tabs are
// plain structs owned by the workspace; they draw into the size they are
// given and never do I/O in view. (A review's stage is something else: where
// the review is in its life, review.Stage.)
type tab interface {
	update(msg tea.Msg) tea.Cmd // keys, and mouse with Y relative to the tab body
	view(w, h int) string
	resize(w, h int)
	typing() bool  // a text field has the keys
	commit() error // save what is being typed
	help() helpMap // short help, and every key the tab accepts
	reload()       // the review changed underneath: rebuild what is shown
	jump(id string) bool
	escape() bool // esc while not typing; false lets the workspace take it
	restyle()
}

// tabID names a tab for code and for the wall: the present window is told
// which tab the editor has open by this name.
type tabID string

const (
	tabOverview        tabID = "overview"
	tabScope           tabID = "scope"
	tabEvidence        tabID = "evidence"
	tabFindings        tabID = "findings"
	tabRecommendations tabID = "recommendations"
	tabScoring         tabID = "criteria"
	tabJudgement       tabID = "judgement"
	tabReport          tabID = "report"
	tabSurveys         tabID = "surveys"
	tabMeetings        tabID = "meetings"
	tabResponse        tabID = "response"
	tabFollowUp        tabID = "follow-up"
	tabScorecard       tabID = "scorecard"
)

// tabDef declares one tab: everything about it that is not its screen.
type tabDef struct {
	id    tabID
	key   string // its number on the tab line; "1".."9", "0" are also keys
	title string
	short string // the title when the tab line is short of room
	make  func(ws *workspace) tab
}

// tabDefs is every tab of the workspace, in order. Adding a tab is one line
// here and a file for its screen. The digit keys 1-9 and 0 open the first
// ten; a tab past the tenth is numbered 11, 12... on the tab line and is
// reached with [ and ], the arrows on the tab line, or the mouse.
var tabDefs = []tabDef{
	{tabOverview, "1", "Overview", "Over", func(ws *workspace) tab { return newOverview(ws) }},
	{tabScope, "2", "Scope", "Scope", func(ws *workspace) tab { return newScope(ws) }},
	{tabEvidence, "3", "Evidence", "Evid", func(ws *workspace) tab { return newEvidenceTab(ws) }},
	{tabFindings, "4", "Findings", "Find", func(ws *workspace) tab { return newFindingsTab(ws) }},
	{tabRecommendations, "5", "Recommendations", "Recs", func(ws *workspace) tab { return newRecsTab(ws) }},
	{tabScoring, "6", "Scoring", "Score", func(ws *workspace) tab { return newScoringTab(ws) }},
	{tabJudgement, "7", "Judgement", "Judge", func(ws *workspace) tab { return newJudgementTab(ws) }},
	{tabReport, "8", "Report", "Report", func(ws *workspace) tab { return newReportTab(ws) }},
	{tabSurveys, "9", "Surveys & standards", "Surveys", func(ws *workspace) tab { return newSurveysTab(ws) }},
	{tabMeetings, "0", "Meetings", "Meet", func(ws *workspace) tab { return newMeetingsTab(ws) }},
	{tabResponse, "11", "Board response", "Resp", func(ws *workspace) tab { return newResponseTab(ws) }},
	{tabFollowUp, "12", "Follow-up", "Follow", func(ws *workspace) tab { return newFollowUpTab(ws) }},
	{tabScorecard, "13", "Scorecard", "Card", func(ws *workspace) tab { return newScorecardTab(ws) }},
}

// tabIndex is the slot of tab id in tabDefs, or -1.
func tabIndex(id tabID) int {
	for i, d := range tabDefs {
		if d.id == id {
			return i
		}
	}
	return -1
}

// tabByKey is the slot of the tab opened by key k, or -1.
func tabByKey(k string) int {
	for i, d := range tabDefs {
		if d.key == k {
			return i
		}
	}
	return -1
}

// tabLabels picks each tab's label to fit the width: full titles when they
// fit; otherwise the longest other titles are shortened one at a time, then
// the current one when that lets every tab keep a name; only then do the
// tabs farthest from the current one shrink to their number. A volunteer reads "5 Recs" more easily than a bare
// "5", so every tab keeping a name matters more than the current tab's full
// title.
func tabLabels(w, active int) []string {
	n := len(tabDefs)
	ls := make([]string, n)
	for i, d := range tabDefs {
		ls[i] = d.key + " " + d.title
	}
	total := func() int {
		t := 0
		for i, l := range ls {
			t += tabCellWidth(l, i == active)
		}
		return t
	}
	// Shorten the longest other titles first.
	for total() > w {
		best, gain := -1, 0
		for i, d := range tabDefs {
			if i == active || ls[i] != d.key+" "+d.title {
				continue
			}
			if g := text.Width(d.title) - text.Width(d.short); g > 0 && g >= gain {
				best, gain = i, g
			}
		}
		if best < 0 {
			break
		}
		ls[best] = tabDefs[best].key + " " + tabDefs[best].short
	}
	if total() > w && active >= 0 && active < n {
		full := ls[active]
		ls[active] = tabDefs[active].key + " " + tabDefs[active].short
		if total() > w {
			// Numbers are needed anyway: the current tab keeps its title.
			ls[active] = full
		}
	}
	// Then numbers only, farthest from the current tab first.
	for total() > w {
		best, dist := -1, -1
		for i, d := range tabDefs {
			dd := i - active
			if dd < 0 {
				dd = -dd
			}
			if i != active && ls[i] != d.key && dd > dist {
				best, dist = i, dd
			}
		}
		if best < 0 {
			break
		}
		ls[best] = tabDefs[best].key
	}
	if total() > w && active >= 0 && active < n {
		ls[active] = tabDefs[active].key + " " + tabDefs[active].short
	}
	return ls
}

// tabCellWidth is the cells a tab takes: a space before each label, and
// brackets around the current one, so it shows without colour.
func tabCellWidth(label string, current bool) int {
	if current {
		return text.Width(label) + 3
	}
	return text.Width(label) + 1
}

// tabZones gives the [x0, x1) cells of each tab on the tabs line.
func tabZones(w, active int) [][2]int {
	ls := tabLabels(w, active)
	out := make([][2]int, len(ls))
	x := 0
	for i, l := range ls {
		n := tabCellWidth(l, i == active)
		out[i] = [2]int{x, x + n}
		x += n
	}
	return out
}
