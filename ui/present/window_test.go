package present

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"scrutiny/review"
	"scrutiny/review/example"
	"scrutiny/store"
	"scrutiny/ui/style"
)

func init() {
	// Another test file of this package may define -update first.
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files in testdata")
	}
}

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

var presentNow = time.Date(2019, 3, 7, 18, 42, 30, 0, time.UTC)

var roomSlides = []struct {
	name string
	pos  Position
}{
	{"criterion", Position{Tab: "criteria", ItemKind: ItemCriterion, ItemID: "c1"}},
	{"judgement", Position{Tab: "judgement", ItemKind: ItemJudgement}},
	{"recommendation", Position{Tab: "recommendations", ItemKind: ItemRecommendation, ItemID: "rec1"}},
	{"survey", Position{Tab: "surveys", ItemKind: ItemQuestion, ItemID: QuestionItem("s1", "q1")}},
	{"standards", Position{Tab: "standards", ItemKind: ItemStandards}},
	{"agenda", Position{Tab: "meetings", ItemKind: ItemAgenda, ItemID: AgendaItem("m1", 1),
		Since: presentNow.Add(-12*time.Minute - 5*time.Second).UnixMilli()}},
}

const presentHint = "p leave · t theme · 1-4 vote"

func TestPresentationGolden(t *testing.T) {
	r := example.WallReview()
	for _, theme := range style.Names() {
		s := style.New(theme)
		for _, size := range [][2]int{{40, 12}, {80, 24}, {120, 40}} {
			for _, sl := range roomSlides {
				name := fmt.Sprintf("%s-%s-%dx%d", sl.name, theme, size[0], size[1])
				raw := Frame(s, BuildSlide(Snapshot{Pos: sl.pos, Review: r}, presentNow), size[0], size[1], presentHint)
				got := ansi.Strip(raw)
				lines := strings.Split(got, "\n")
				if len(lines) != size[1] {
					t.Errorf("%s: %d lines, want %d", name, len(lines), size[1])
				}
				for _, l := range lines {
					if w := lipgloss.Width(l); w != size[0] {
						t.Errorf("%s: a line is %d wide, want %d: %q", name, w, size[0], l)
					}
				}
				if hint := strings.TrimSpace(lines[len(lines)-1]); !strings.HasSuffix(hint, presentHint) {
					t.Errorf("%s: last line %q, want the hint", name, hint)
				}
				golden(t, filepath.Join("testdata", "present", name+".golden"), got)
			}
		}
	}
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if updating() {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./ui -run Presentation -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// colourSGR finds any select-graphic-rendition sequence that sets a
// foreground or background colour (30-49, 90-107, 38;..., 48;...).
var sgr = regexp.MustCompile(`\x1b\[([0-9;:]*)m`)

func colourCodes(raw string) []string {
	var out []string
	for _, m := range sgr.FindAllStringSubmatch(raw, -1) {
		for _, p := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' }) {
			var n int
			fmt.Sscanf(p, "%d", &n)
			if (n >= 30 && n <= 49) || (n >= 90 && n <= 107) {
				out = append(out, m[0])
				break
			}
		}
	}
	return out
}

func TestMonochromePresentationHasNoColour(t *testing.T) {
	r := example.WallReview()
	for _, theme := range style.Names() {
		s := style.New(theme)
		var all strings.Builder
		for _, size := range [][2]int{{40, 12}, {80, 24}} {
			for _, sl := range roomSlides {
				all.WriteString(Frame(s, BuildSlide(Snapshot{Pos: sl.pos, Review: r}, presentNow), size[0], size[1], presentHint))
			}
		}
		raw := all.String()
		codes := colourCodes(raw)
		if theme != "monochrome" {
			// The check must be able to fail: coloured themes do colour.
			if len(codes) == 0 {
				t.Errorf("%s: expected colour sequences, found none", theme)
			}
			continue
		}
		if len(codes) > 0 {
			t.Errorf("monochrome output has colour sequences: %q", codes[:min(5, len(codes))])
		}
		for _, bad := range []string{"\x1b[3", "\x1b[4", "38;", "48;"} {
			if strings.Contains(raw, bad) {
				t.Errorf("monochrome output contains %q", bad)
			}
		}
		if !strings.Contains(raw, "\x1b[1m") {
			t.Error("monochrome must still emphasise with bold")
		}
	}
}

func TestHighContrastIsRegistered(t *testing.T) {
	if !style.Known("high-contrast") {
		t.Fatal("high-contrast theme missing")
	}
	names := strings.Join(style.Names(), ",")
	if names != "dark,light,high-contrast,monochrome" {
		t.Errorf("theme order = %s", names)
	}
	if NextTheme("monochrome") != "dark" || NextTheme("light") != "high-contrast" {
		t.Error("cycling order is wrong")
	}
}

// The present window follows a real store file through its Update loop.
func TestPresentWindowFollowsTheStore(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "p.db")
	ed, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ed.Close()
	r := &review.Review{Topic: "Repairs"}
	if err := ed.CreateReview(ctx, r); err != nil {
		t.Fatal(err)
	}
	if err := ed.SetSetting(ctx, ThemeSetting, "light"); err != nil {
		t.Fatal(err)
	}
	ro, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	m := New(ro, Options{Now: func() time.Time { return presentNow }})
	if m.styles.Theme != "light" && !style.NoColor() {
		t.Errorf("theme %q, want the remembered light", m.styles.Theme)
	}
	step := func(msg tea.Msg) {
		_, cmd := m.Update(msg)
		_ = cmd
	}
	step(tea.WindowSizeMsg{Width: 40, Height: 12})
	step(m.poll()())
	if got := ansi.Strip(m.Render()); !strings.Contains(got, "Repairs") {
		t.Fatalf("first frame:\n%s", got)
	}
	c := &review.Criterion{Name: "Ease of reporting a repair"}
	c.AddVote(review.Excellent)
	if err := ed.SaveCriterion(ctx, r.ID, c); err != nil {
		t.Fatal(err)
	}
	if err := NewPublisher(ed).Publish(ctx, Position{ReviewID: r.ID, Tab: "criteria", ItemKind: ItemCriterion, ItemID: c.ID}); err != nil {
		t.Fatal(err)
	}
	step(m.poll()())
	got := ansi.Strip(m.Render())
	for _, want := range []string{"Scoring · Repairs", "Ease of reporting a repair", "■■■■ Excellent", "One vote, for excellent"} {
		if !strings.Contains(got, want) {
			t.Errorf("frame lacks %q:\n%s", want, got)
		}
	}
	// The editor changes theme: the wall follows.
	if err := ed.SetSetting(ctx, ThemeSetting, "high-contrast"); err != nil {
		t.Fatal(err)
	}
	step(m.poll()())
	if m.styles.Theme != "high-contrast" && !style.NoColor() {
		t.Errorf("the wall did not follow the editor's theme: %q", m.styles.Theme)
	}
	step(tea.KeyPressMsg{Code: 't', Text: "t"})
	if m.styles.Theme != NextTheme("high-contrast") && !style.NoColor() {
		t.Errorf("t must cycle the theme, got %q", m.styles.Theme)
	}
}

// A theme with its own page colour paints every cell of the wall with it,
// the blank ones too: a terminal that ignores the request to change its
// background must still show the theme's page.
func TestEveryCellHasThePageColour(t *testing.T) {
	r := example.WallReview()
	for _, theme := range style.Names() {
		s := style.New(theme)
		if s.Palette.Back == nil || s.Mono {
			continue
		}
		for _, sl := range roomSlides {
			raw := Frame(s, BuildSlide(Snapshot{Pos: sl.pos, Review: r}, presentNow), 80, 24, presentHint)
			for i, line := range strings.Split(raw, "\n") {
				if n := unpainted(line); n > 0 {
					t.Fatalf("%s/%s line %d: %d cells without a background: %q", theme, sl.name, i, n, line)
				}
			}
		}
	}
	// The check must be able to fail.
	if unpainted("\x1b[48;2;1;2;3mab\x1b[m c") != 2 {
		t.Fatal("unpainted does not count cells after a reset")
	}
}

// unpainted counts the characters drawn while no background colour is set.
func unpainted(line string) int {
	bg, n := false, 0
	for len(line) > 0 {
		if m := sgr.FindStringSubmatchIndex(line); m != nil && m[0] == 0 {
			params := strings.FieldsFunc(line[m[2]:m[3]], func(r rune) bool { return r == ';' || r == ':' })
			if len(params) == 0 {
				bg = false
			}
			for i := 0; i < len(params); i++ {
				switch p := params[i]; {
				case p == "0" || p == "49":
					bg = false
				case p == "48":
					bg = true
					i = len(params) // the rest are the colour's numbers
				case p == "38":
					if i+1 < len(params) && params[i+1] == "2" {
						i += 4
					} else {
						i += 2
					}
				case len(p) == 2 && p[0] == '4' || len(p) == 3 && p[:2] == "10":
					bg = true
				}
			}
			line = line[m[1]:]
			continue
		}
		_, size := utf8.DecodeRuneInString(line)
		if !bg {
			n++
		}
		line = line[size:]
	}
	return n
}

// The operator's hint goes after a few seconds and comes back on a key;
// a long slide turns its pages with the arrows.
func TestPresentWindowHintFadesAndPagesTurn(t *testing.T) {
	clock := presentNow
	m := New(nil, Options{Theme: "dark", Now: func() time.Time { return clock }})
	m.Update(tea.WindowSizeMsg{Width: 40, Height: 12})
	m.Update(presentPollMsg{snap: Snapshot{Review: longReview(), Pos: Position{Tab: "standards", ItemKind: ItemStandards}}})
	const hint = "following the editor"
	if got := ansi.Strip(m.Render()); !strings.Contains(got, hint) || !strings.Contains(got, "1 of ") {
		t.Fatalf("at the start the hint and the page show:\n%s", got)
	}
	clock = clock.Add(HintFor + time.Second)
	got := ansi.Strip(m.Render())
	if strings.Contains(got, hint) || !strings.Contains(got, "1 of ") {
		t.Fatalf("after a few seconds only the page is said:\n%s", got)
	}
	m.Update(tea.KeyPressMsg{Code: tea.KeyDown})
	got = ansi.Strip(m.Render())
	if !strings.Contains(got, hint) || !strings.Contains(got, "2 of ") {
		t.Fatalf("down shows page 2 and brings the hint back:\n%s", got)
	}
	for range 30 {
		m.Update(tea.KeyPressMsg{Code: tea.KeyDown})
	}
	if got = ansi.Strip(m.Render()); !strings.Contains(got, "↑ back") {
		t.Fatalf("paging stops at the last page:\n%s", got)
	}
	m.Update(presentPollMsg{snap: Snapshot{Review: longReview(), Pos: Position{Tab: "criteria", ItemKind: ItemCriterion, ItemID: "c1"}}})
	m.Update(presentPollMsg{snap: Snapshot{Review: longReview(), Pos: Position{Tab: "standards", ItemKind: ItemStandards}}})
	if got = ansi.Strip(m.Render()); !strings.Contains(got, "1 of ") {
		t.Fatalf("a new slide starts at its first page:\n%s", got)
	}
}
