package ui

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"scrutiny/review"
	"scrutiny/store"
	"scrutiny/ui/text"
)

// homeScreen lists every review, and the bin.
type homeScreen struct {
	e      *env
	keys   homeKeys
	all    []store.Summary
	bin    []store.BinItem
	shown  []int // indexes into all that match the filter
	filter string
	inBin  bool
	// binLoaded is set once the bin has been read.
	binLoaded bool
	list      list
	w, h      int
	// progress is each review's action plan, as of today.
	progress map[string]review.Progress
	// progressRead counts the reads of progress begun, so a read finished
	// after a newer one is dropped.
	progressRead int
	// wantProgress asks Update to read the action plans again.
	wantProgress bool
}

func newHome(e *env) *homeScreen {
	return &homeScreen{e: e, keys: newHomeKeys(), list: newList()}
}

// load reads the reviews, their action plans and the bin from the store.
func (s *homeScreen) load() {
	if s.e.st == nil {
		return
	}
	s.loadList()
	// The action plans are read off the update loop (Update starts the
	// read): at ten times the example's size they take a third of a
	// second, which would hold the key that came home.
	s.wantProgress = true
}

// loadList is load without the action plans: what the first frame waits
// for. progressCmd reads them after it.
func (s *homeScreen) loadList() {
	if s.e.st == nil {
		return
	}
	all, err := s.e.st.ListReviews(s.e.ctx)
	if err != nil {
		s.e.fail("read the list of reviews", err)
	}
	// Archived reviews go to the end; otherwise newest first, as listed.
	var live, arch []store.Summary
	for _, r := range all {
		if r.Archived {
			arch = append(arch, r)
		} else {
			live = append(live, r)
		}
	}
	s.all = append(live, arch...)
	// The bin is read only when it is looked at (or when there is no review,
	// to choose between the welcome and home screens): on a large database
	// it is the slowest read, and the first frame should not wait for it.
	if s.inBin || s.binLoaded || len(s.all) == 0 {
		s.loadBin()
	}
	s.refilter()
}

func (s *homeScreen) loadBin() {
	bin, err := s.e.st.Bin(s.e.ctx)
	if err != nil {
		s.e.fail("read the bin", err)
	}
	s.bin = bin
	s.binLoaded = true
}

func (s *homeScreen) refilter() {
	s.shown = s.shown[:0]
	q := strings.ToLower(s.filter)
	for i, r := range s.all {
		if q == "" || strings.Contains(strings.ToLower(r.Topic+" "+string(r.Stage)), q) {
			s.shown = append(s.shown, i)
		}
	}
	if s.inBin {
		s.list.setLen(len(s.bin))
	} else {
		s.list.setLen(len(s.shown))
	}
}

func (s *homeScreen) resize(w, h int) { s.w, s.h = w, h; s.list.setHeight(s.listHeight()) }
func (s *homeScreen) typing() bool    { return s.filter != "" }
func (s *homeScreen) commit() error   { return nil }
func (s *homeScreen) restyle()        {}

func (s *homeScreen) help() helpMap {
	short := []key.Binding{s.keys.Open, s.keys.New, s.keys.Delete, s.keys.Bin}
	if s.inBin {
		// In the bin enter restores; the help line says so, not "open".
		restore := s.keys.Open
		restore.SetHelp("enter", "restore")
		short = []key.Binding{restore, s.keys.Bin}
	}
	if s.typing() {
		short = []key.Binding{s.keys.Open, s.keys.Clear, s.keys.New}
	}
	return helpMap{short: short, full: bindings(s.keys)}
}

func (s *homeScreen) selected() (store.Summary, bool) {
	if s.inBin || s.list.cursor >= len(s.shown) {
		return store.Summary{}, false
	}
	return s.all[s.shown[s.list.cursor]], true
}

func (s *homeScreen) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return s.key(msg)
	case tea.MouseClickMsg:
		mm := msg.Mouse()
		if mm.Y == 0 {
			// The title line holds the "Reviews | Bin" switch.
			s.inBin = mm.X >= 20
			if s.inBin {
				s.loadBin()
			}
			s.list.set(0)
			s.refilter()
			return nil
		}
		before := s.list.cursor
		if s.list.click(mm.Y-s.listTop()) && s.list.cursor == before {
			// A click on the row already selected opens it.
			return s.key(tea.KeyPressMsg{Code: tea.KeyEnter})
		}
	case tea.MouseWheelMsg:
		s.list.update(msg)
	case tea.PasteMsg:
		s.filter += text.OneLine(msg.Content)
		s.refilter()
	}
	return nil
}

func (s *homeScreen) key(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	switch {
	case key.Matches(msg, k.Up):
		s.list.set(s.list.cursor - 1)
	case key.Matches(msg, k.Down):
		s.list.set(s.list.cursor + 1)
	case key.Matches(msg, k.PageUp):
		s.list.set(s.list.cursor - s.list.h)
	case key.Matches(msg, k.PageDown):
		s.list.set(s.list.cursor + s.list.h)
	case key.Matches(msg, k.First):
		s.list.set(0)
	case key.Matches(msg, k.Last):
		s.list.set(s.list.n - 1)
	case key.Matches(msg, k.Open):
		if s.inBin {
			return s.restore()
		}
		if r, ok := s.selected(); ok {
			return send(openReviewMsg{id: r.ID})
		}
	case key.Matches(msg, k.New):
		return createReview(s.e)
	case key.Matches(msg, k.Archive):
		s.toggleArchive()
	case key.Matches(msg, k.Delete):
		return s.delete()
	case key.Matches(msg, k.Bin):
		s.inBin = !s.inBin
		if s.inBin {
			s.loadBin()
		}
		s.list.set(0)
		s.refilter()
	case key.Matches(msg, k.Clear):
		s.filter = ""
		s.refilter()
	case key.Matches(msg, k.Filter):
		if s.filter != "" {
			_, n := utf8.DecodeLastRuneInString(s.filter)
			s.filter = s.filter[:len(s.filter)-n]
			s.refilter()
		}
	default:
		if t := msg.Text; t != "" && msg.Mod&^tea.ModShift == 0 && !s.inBin {
			// Typing filters the list: every letter, q and ? too.
			s.filter += text.OneLine(t)
			s.list.set(0)
			s.refilter()
		}
	}
	return nil
}

func (s *homeScreen) toggleArchive() {
	r, ok := s.selected()
	if !ok {
		return
	}
	full, err := s.e.st.LoadReview(s.e.ctx, r.ID)
	if err != nil {
		s.e.fail("archive the review", err)
		return
	}
	to := !full.Archived
	what := "archive the review"
	if !to {
		what = "bring the review back from the archive"
	}
	st, ctx, id := s.e.st, s.e.ctx, r.ID
	setArch := func(v bool) error {
		cur, err := st.LoadReview(ctx, id)
		if err != nil {
			return err
		}
		cur.Archived = v
		return st.SaveReview(ctx, cur)
	}
	if s.e.do(what, func() error { return setArch(to) }, func() error { return setArch(!to) }) == nil {
		s.load()
	}
}

func (s *homeScreen) delete() tea.Cmd {
	r, ok := s.selected()
	if !ok {
		return nil
	}
	st, ctx, id := s.e.st, s.e.ctx, r.ID
	topic := text.OrEmpty(text.OneLine(r.Topic), "(untitled review)")
	return send(confirmMsg{
		question: fmt.Sprintf("Move the review %q to the bin? You can restore it from the bin.", text.Truncate(topic, 40)),
		yes: func() tea.Cmd {
			if s.e.do("move the review to the bin", func() error { return st.Delete(ctx, store.KindReview, id) },
				func() error { return st.Restore(ctx, store.KindReview, id) }) == nil {
				s.load()
			}
			return nil
		},
	})
}

func (s *homeScreen) restore() tea.Cmd {
	if s.list.cursor >= len(s.bin) {
		return nil
	}
	b := s.bin[s.list.cursor]
	st, ctx := s.e.st, s.e.ctx
	if s.e.do("restore "+text.OneLine(b.Label), func() error { return st.Restore(ctx, b.Kind, b.ID) },
		func() error { return st.Delete(ctx, b.Kind, b.ID) }) == nil {
		s.load()
		s.e.note("restored " + text.Truncate(text.OneLine(b.Label), 40))
	}
	return nil
}

// Geometry: title, filter line, column header, rows..., detail (2 lines).
func (s *homeScreen) listTop() int    { return 3 }
func (s *homeScreen) listHeight() int { return max(1, s.h-s.listTop()-3) }

func (s *homeScreen) view(w, h int) string {
	st := s.e.styles
	var out []string
	binLabel := " Bin "
	if s.binLoaded {
		binLabel = fmt.Sprintf(" Bin (%d) ", len(s.bin))
	}
	// The shown tab is bracketed, so it reads without colour.
	tabs := st.TabActive.Render("[Reviews]") + "  " + st.Tab.Render(binLabel)
	if s.inBin {
		tabs = st.Tab.Render(" Reviews ") + "  " + st.TabActive.Render("["+strings.TrimSpace(binLabel)+"]")
	}
	out = append(out, text.Pad(st.Title.Render("scrutiny")+"   "+tabs, w))
	if s.typing() {
		out = append(out, st.Label.Render("filter: ")+st.Editing.Render(text.Truncate(s.filter, w-12))+st.Muted.Render("  (esc clears)"))
	} else if s.inBin {
		out = append(out, st.Muted.Render(text.Truncate("Deleted things wait here. Enter puts the selected one back; tab goes back to the reviews.", w)))
	} else {
		out = append(out, st.Muted.Render(text.Truncate("Type to filter. Enter opens; ctrl+n: new; tab: the bin.", w)))
	}
	lh := s.listHeight()
	if s.inBin {
		out = append(out, st.Label.Render(" "+text.Pad("what", w-23)+"  "+text.Pad("deleted", 20)))
		s.list.setLen(len(s.bin))
		body := s.list.view(w, lh, func(i int, sel bool) string {
			b := s.bin[i]
			line := mark(sel) + text.Pad(string(b.Kind)+": "+text.OneLine(b.Label), w-23) + "  " + text.Pad(b.Deleted.Local().Format("2 Jan 2006 15:04"), 20)
			if sel {
				return st.Selected.Render(text.Pad(line, w))
			}
			return st.Text.Render(line)
		})
		out = append(out, text.Lines(body)...)
		if len(s.bin) == 0 {
			out[len(out)-lh] = st.Muted.Render("The bin is empty.")
		}
		return strings.Join(text.Box(out, w, h), "\n")
	}
	cw := homeCols(w)
	head := " " + text.Pad("topic", cw.topic) + " " + text.Pad("stage", cw.stage) + " " + text.PadLeft("evid", 5) + text.PadLeft("find", 5) + text.PadLeft("recs", 5)
	if cw.dates > 0 {
		head += "  " + text.Pad("dates", cw.dates)
	}
	out = append(out, st.Label.Render(text.Pad(head, w)))
	s.list.setLen(len(s.shown))
	body := s.list.view(w, lh, func(i int, sel bool) string {
		r := s.all[s.shown[i]]
		topic := text.OrEmpty(text.OneLine(r.Topic), "(untitled review)")
		if p := s.progress[r.ID].Short(); p != "" && text.Width(topic)+3+text.Width(p) <= cw.topic {
			// Only where the whole topic still fits: the selected review's
			// progress is also under the list.
			topic += " · " + p
		}
		stage := string(r.Stage)
		if r.Archived {
			stage = "archived"
		}
		line := mark(sel) + text.Pad(topic, cw.topic) + " " + text.Pad(stage, cw.stage) + " " +
			text.PadLeft(fmt.Sprint(r.Evidence), 5) + text.PadLeft(fmt.Sprint(r.Findings), 5) + text.PadLeft(fmt.Sprint(r.Recommendations), 5)
		if cw.dates > 0 {
			line += "  " + text.Pad(dateRange(r), cw.dates)
		}
		switch {
		case sel:
			return st.Selected.Render(text.Pad(line, w))
		case r.Archived:
			return st.Muted.Render(line)
		}
		return st.Text.Render(line)
	})
	out = append(out, text.Lines(body)...)
	if len(s.shown) == 0 {
		msg := "No reviews yet. Press ctrl+n to start one."
		if s.filter != "" {
			msg = "No review matches the filter."
		}
		out[len(out)-lh] = st.Muted.Render(msg)
	}
	out = append(out, st.Border.Render(rule(w)))
	if r, ok := s.selected(); ok {
		d := "started " + text.OrEmpty(r.Start.Short(), "—") + " · ends " + text.OrEmpty(r.End.Short(), "—") +
			" · board " + text.OrEmpty(r.BoardDate.Short(), "—")
		c := fmt.Sprintf("%d evidence, %s, %s", r.Evidence, text.Count(r.Findings, "finding", "findings"), text.Count(r.Recommendations, "recommendation", "recommendations"))
		if p := s.progress[r.ID].Short(); p != "" {
			c = "Action plan " + p + " · " + c
		}
		out = append(out, st.Text.Render(text.Truncate(d, w)), st.Muted.Render(text.Truncate(c, w)))
	}
	return strings.Join(text.Box(out, w, h), "\n")
}

type homeColumns struct{ topic, stage, dates int }

func homeCols(w int) homeColumns {
	c := homeColumns{stage: 18}
	if w >= 110 {
		c.dates = 25
	}
	c.topic = w - c.stage - 3 - 15
	if c.dates > 0 {
		c.topic -= c.dates + 2
	}
	return c
}

func dateRange(r store.Summary) string {
	a, b := r.Start.Short(), r.End.Short()
	switch {
	case a == "" && b == "":
		return ""
	case b == "":
		return "from " + a
	}
	return a + " – " + b
}
