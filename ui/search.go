package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"scrutiny/review"
	"scrutiny/ui/text"
)

// hit is one search result: the tab slot and the item to jump to.
type hit struct {
	tab   int    // index into tabDefs
	id    string // what the tab's jump understands
	where string // "Evidence", "Recommendation 2"...
	text  string
}

// searcher lets a tab (surveys, meetings) offer its own hits.
type searcher interface {
	search(q string) []hit
}

// searchBox is the "/" search across the open review.
type searchBox struct {
	ws    *workspace
	input textinput.Model
	hits  []hit
	l     list
	keys  searchKeys
	w, h  int
}

func newSearchBox(ws *workspace) *searchBox {
	b := &searchBox{ws: ws, l: newList(), keys: newSearchKeys()}
	b.input = textinput.New()
	b.input.Prompt = "/ "
	b.input.Placeholder = "type to search this review"
	b.restyle()
	b.input.Focus()
	return b
}

func (b *searchBox) restyle() {
	b.input.SetStyles(inputStyles(b.ws.e.styles))
}

func (b *searchBox) resize(w, h int) {
	b.w, b.h = w, h
	b.input.SetWidth(max(10, w-4))
	b.l.setHeight(max(1, h-2))
}

func (b *searchBox) help() helpMap {
	k := b.keys
	return helpMap{short: []key.Binding{k.Go, k.Down, k.Cancel}, full: bindings(k)}
}

func (b *searchBox) update(msg tea.Msg) tea.Cmd {
	if km, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(km, b.keys.Cancel):
			b.ws.search = nil
			return nil
		case key.Matches(km, b.keys.Up):
			b.l.set(b.l.cursor - 1)
			return nil
		case key.Matches(km, b.keys.Down):
			b.l.set(b.l.cursor + 1)
			return nil
		case key.Matches(km, b.keys.Go):
			if b.l.cursor < len(b.hits) {
				h := b.hits[b.l.cursor]
				ws := b.ws
				ws.search = nil
				ws.goTo(h.tab)
				ws.onTabs = false
				if !ws.cur().jump(h.id) {
					ws.e.note("found on " + tabDefs[h.tab].title)
				}
			}
			return nil
		}
	}
	var cmd tea.Cmd
	before := b.input.Value()
	b.input, cmd = b.input.Update(msg)
	if b.input.Value() != before {
		b.hits = searchReview(b.ws, b.input.Value())
		b.l.setLen(len(b.hits))
		b.l.set(0)
	}
	return cmd
}

func (b *searchBox) view(w, h int) string {
	st := b.ws.e.styles
	lines := []string{b.input.View()}
	q := strings.TrimSpace(b.input.Value())
	switch {
	case q == "":
		lines = append(lines, st.Muted.Render(text.Truncate("Searches every tab: topic, scope, evidence, findings, recommendations, scores.", w)))
	case len(b.hits) == 0:
		lines = append(lines, st.Muted.Render("nothing found"))
	default:
		lines = append(lines, st.Muted.Render(fmt.Sprintf("%d found; enter goes to the selected one", len(b.hits))))
	}
	b.l.setLen(len(b.hits))
	ww := min(20, w/3)
	body := b.l.view(w, h-2, func(i int, sel bool) string {
		hh := b.hits[i]
		line := mark(sel) + text.Pad(hh.where, ww-1) + " " + text.Truncate(hh.text, w-ww-1)
		if sel {
			return st.Selected.Render(text.Pad(line, w))
		}
		return " " + st.Label.Render(text.Pad(hh.where, ww-1)) + " " + st.Text.Render(text.Truncate(hh.text, w-ww-1))
	})
	lines = append(lines, text.Lines(body)...)
	return strings.Join(text.Box(lines, w, h), "\n")
}

// searchReview finds q (case-insensitive) in the open review.
func searchReview(ws *workspace, q string) []hit {
	q = strings.ToLower(strings.TrimSpace(q))
	if q == "" {
		return nil
	}
	r := ws.rev
	var out []hit
	match := func(s string) bool { return strings.Contains(strings.ToLower(s), q) }
	add := func(t tabID, id, where, s string) {
		out = append(out, hit{tab: tabIndex(t), id: id, where: where, text: text.OneLine(s)})
	}
	snippet := func(s string) string { return excerpt(text.OneLine(s), q) }
	for _, f := range []struct{ id, label, v string }{
		{"topic", "Topic", r.Topic}, {"service", "Service area", r.ServiceArea}, {"why", "Why this area", r.WhyArea},
		{"intro", "Introduction", r.Introduction},
	} {
		if match(f.v) {
			add(tabOverview, f.id, f.label, snippet(f.v))
		}
	}
	for _, m := range r.Members {
		if match(m.Name) {
			add(tabOverview, "member:"+m.ID, "Panel", m.Name)
		}
	}
	scope := []struct{ id, label, v string }{
		{"aim", "Aim", r.Scope.Aim}, {"objectives", "Objectives", strings.Join(r.Scope.Objectives, "\n")},
		{"focus", "Focus areas", strings.Join(r.Scope.FocusAreas, "\n")},
		{"outofscope", "Out of scope", strings.Join(r.Scope.OutOfScope, "\n")}, {"approach", "Our approach", r.Approach},
	}
	for _, f := range scope {
		if match(f.v) {
			add(tabScope, f.id, f.label, snippet(f.v))
		}
	}
	for _, e := range r.Evidence {
		if match(e.Title) || match(e.Who) || match(e.Notes) || match(string(e.Kind)) {
			t := e.Title
			if !match(t) {
				t = e.Title + ": " + snippet(e.Who+" "+e.Notes)
			}
			add(tabEvidence, "evidence:"+e.ID, "Evidence "+ws.evidenceRef(e.ID), t)
		}
	}
	for _, f := range r.Findings {
		if match(f.Text) {
			add(tabFindings, "finding:"+f.ID, "Finding "+ws.findingRef(f.ID), snippet(f.Text))
		}
	}
	for i, rec := range r.Recommendations {
		if match(rec.Text) {
			add(tabRecommendations, "rec:"+rec.ID, fmt.Sprintf("Recommendation %d", i+1), snippet(rec.Text))
		}
		for j, p := range rec.SubPoints {
			if match(p.Text) {
				add(tabRecommendations, "rec:"+rec.ID+"/"+p.ID, "Recommendation "+review.SubRef(i, j), snippet(p.Text))
			}
		}
	}
	for _, c := range r.Criteria {
		if match(c.Name) || match(c.Rationale) {
			add(tabScoring, "crit:"+c.ID, "Criterion", c.Name+": "+snippet(c.Rationale))
		}
	}
	for _, f := range []struct{ id, label, v string }{
		{"word", "Judgement", r.Judgement.Word}, {"explanation", "Explanation", r.Judgement.Explanation},
		{"summary", "Summary", r.Summary},
	} {
		if match(f.v) {
			add(tabJudgement, f.id, f.label, snippet(f.v))
		}
	}
	for i := range tabDefs {
		if s, ok := ws.tabs[i].(searcher); ok && ws.tabs[i] != nil {
			out = append(out, s.search(q)...)
		}
	}
	return out
}

// excerpt shows the part of s around the first match of q.
func excerpt(s, q string) string {
	i := strings.Index(strings.ToLower(s), q)
	if i <= 30 {
		return s
	}
	start := i - 20
	for start > 0 && s[start-1] != ' ' {
		start--
	}
	return "…" + s[start:]
}
