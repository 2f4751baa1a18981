package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scrutiny/review"
	"scrutiny/review/example"
	"scrutiny/review/report"
	"scrutiny/store"
)

func loadReview(t *testing.T, st *store.Store, id string) *review.Review {
	t.Helper()
	r, err := st.LoadReview(ctx(), id)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// newReviewTester starts on an empty database and creates a review.
func newReviewTester(t *testing.T, w, h int) (*tester, *store.Store) {
	st := openStore(t)
	tt := newTester(t, st, w, h, Options{})
	tt.contains("Welcome to scrutiny", "Start a new review")
	tt.press("enter")
	if tt.m.ws == nil {
		t.Fatalf("no workspace after creating a review:\n%s", tt.screen())
	}
	return tt, st
}

func exampleTester(t *testing.T, w, h int) (*tester, *store.Store, string) {
	st := openStore(t)
	id, err := example.Load(ctx(), st)
	if err != nil {
		t.Fatal(err)
	}
	tt := newTester(t, st, w, h, Options{ReviewID: id})
	return tt, st, id
}

func TestWelcomeCreatesReviewAndSavesTopic(t *testing.T) {
	tt, st := newReviewTester(t, 80, 24)
	// The new review opens with its topic being typed.
	if !tt.m.ws.typing() {
		t.Fatal("the topic field is not open for typing")
	}
	tt.typeText("Repairs reporting")
	tt.press("enter")
	tt.contains("saved 14:03:22", "Repairs reporting")
	r := loadReview(t, st, tt.m.ws.rev.ID)
	if r.Topic != "Repairs reporting" || r.Stage != review.StageScoping {
		t.Fatalf("stored review = %q %q", r.Topic, r.Stage)
	}
}

func TestOverviewDatesStageAndMembers(t *testing.T) {
	tt, st := newReviewTester(t, 80, 24)
	tt.press("esc")                          // stop typing the topic
	tt.press("down", "down", "down", "down") // landlord, service, why, start
	tt.press("down", "enter", "ctrl+a")      // end date
	tt.typeText("the fifth of never")
	tt.press("enter")
	tt.contains("Could not save end date", "not a date I can read")
	if !tt.m.ws.typing() {
		t.Fatal("a failed save closed the editor; the text must stay")
	}
	// Clear the field and type a good date.
	for i := 0; i < 20; i++ {
		tt.press("backspace")
	}
	tt.typeText("28/3/2027")
	tt.press("enter")
	tt.contains("saved 14:03:22", "28 March 2027")
	tt.press("down", "right") // enter went on to the board date; stage: scoping -> gathering evidence
	tt.contains("gathering evidence")
	tt.press("end", "enter")
	tt.typeText("Ann Smith")
	tt.press("enter")
	tt.contains("Ann Smith")
	r := loadReview(t, st, tt.m.ws.rev.ID)
	if r.End != review.D(2027, 3, 28) || r.Stage != review.StageEvidence {
		t.Fatalf("end %v stage %q", r.End, r.Stage)
	}
	if len(r.Members) != 1 || r.Members[0].Name != "Ann Smith" {
		t.Fatalf("members = %+v", r.Members)
	}
	// Take her off the review by cycling her role back to "not on this review".
	tt.press("up", "left", "left")
	r = loadReview(t, st, tt.m.ws.rev.ID)
	if len(r.MemberIDs) != 0 {
		t.Fatalf("member still on the review: %v", r.MemberIDs)
	}
}

func TestScopeListsOnePerLine(t *testing.T) {
	tt, st := newReviewTester(t, 80, 24)
	tt.press("esc", "alt+2")
	tt.contains("Aim", "Objectives", "Out of scope")
	tt.press("down", "enter")
	tt.typeText("Listen to calls")
	tt.press("enter")
	tt.typeText("Mystery shop")
	tt.press("tab")
	tt.contains("saved 14:03:22")
	r := loadReview(t, st, tt.m.ws.rev.ID)
	if got := strings.Join(r.Scope.Objectives, "|"); got != "Listen to calls|Mystery shop" {
		t.Fatalf("objectives = %q", got)
	}
}

func TestEvidenceWithFindingsUnderIt(t *testing.T) {
	tt, st := newReviewTester(t, 100, 30)
	tt.press("esc", "alt+3")
	tt.contains("Evidence (0)", "Nothing yet")
	tt.press("ctrl+n")
	tt.typeText("Mystery shop of the phone line")
	tt.press("enter")
	tt.press("alt+g")
	tt.typeText("Calls answered politely")
	tt.press("enter")
	tt.press("alt+i")
	tt.typeText("Long waits at lunchtime")
	tt.press("enter")
	tt.contains("Evidence (1)", "Mystery shop of the phone line", "✓ good practice", "✗ issue", "Long waits")
	r := loadReview(t, st, tt.m.ws.rev.ID)
	if len(r.Evidence) != 1 || len(r.Findings) != 2 {
		t.Fatalf("evidence %d findings %d", len(r.Evidence), len(r.Findings))
	}
	for _, f := range r.Findings {
		if len(f.EvidenceIDs) != 1 || f.EvidenceIDs[0] != r.Evidence[0].ID {
			t.Fatalf("finding %q not under its evidence", f.Text)
		}
	}
	if r.Findings[0].Kind != review.GoodPractice || r.Findings[1].Kind != review.Issue {
		t.Fatal("finding kinds wrong")
	}
	// The kind cycles with the arrows and is saved at once.
	tt.press("home", "right")
	if loadReview(t, st, tt.m.ws.rev.ID).Evidence[0].Kind != review.KindShadowing {
		t.Fatal("kind not saved")
	}
}

func TestFindingsGroupAndLink(t *testing.T) {
	tt, st, id := exampleTester(t, 100, 30)
	tt.press("alt+4")
	tt.contains("Findings (30), by evidence")
	tt.press("alt+v")
	tt.contains("by kind", "✓ good practice")
	// Open the first finding and link it to the third evidence item.
	tt.press("enter")
	before := loadReview(t, st, id)
	fid := tt.m.ws.cur().(*findingsTab).selectedID()
	f, _ := before.FindingByID(fid)
	tt.press("down", "down", "down", "down", "enter")
	after := loadReview(t, st, id)
	g, _ := after.FindingByID(fid)
	if len(g.EvidenceIDs) == len(f.EvidenceIDs) {
		t.Fatalf("link did not change: %v -> %v", f.EvidenceIDs, g.EvidenceIDs)
	}
	tt.press("enter")
	g, _ = loadReview(t, st, id).FindingByID(fid)
	if len(g.EvidenceIDs) != len(f.EvidenceIDs) {
		t.Fatal("unlink did not restore the links")
	}
}

func TestRecommendationsFlagReorderSubPoints(t *testing.T) {
	tt, st, id := exampleTester(t, 100, 30)
	tt.press("alt+5", "ctrl+n")
	tt.typeText("Publish the call answering times")
	tt.press("esc")
	tt.contains("7. Publish", "1 with no finding", "⚠ no finding behind it")
	tt.press("alt+s")
	tt.typeText("monthly, on the website")
	tt.press("enter")
	tt.contains("7a")
	// Link the first finding: the flag goes.
	tt.press("end", "enter")
	tt.lacks("with no finding")
	tt.press("esc", "shift+up")
	r := loadReview(t, st, id)
	if n := len(r.Recommendations); n != 7 || !strings.HasPrefix(r.Recommendations[5].Text, "Publish") {
		t.Fatalf("recommendation not moved to 6th: %d, %q", n, r.Recommendations[5].Text)
	}
	if len(r.Recommendations[5].SubPoints) != 1 || len(r.Recommendations[5].FindingIDs) != 1 {
		t.Fatalf("sub-points/links not saved: %+v", r.Recommendations[5])
	}
	tt.contains("6. Publish")
}

func TestScoringAndJudgement(t *testing.T) {
	tt, st := newReviewTester(t, 80, 24)
	tt.press("esc", "alt+6", "ctrl+n")
	tt.typeText("Ease of contact")
	tt.press("enter")
	tt.contains("Criterion 1", "Ease of contact", "···· Not scored")
	// enter went on to the new criterion's score, as on a paper form.
	tt.press("right", "right", "right")
	tt.contains("■■■· Good")
	tt.press("down", "enter")
	tt.typeText("Short waits")
	tt.press("esc")
	r := loadReview(t, st, tt.m.ws.rev.ID)
	if len(r.Criteria) != 1 || r.Criteria[0].Level != review.Good || r.Criteria[0].Rationale != "Short waits" {
		t.Fatalf("criteria = %+v", r.Criteria)
	}
	// A level and the panel's own word stand together: typing the word
	// keeps the level.
	tt.press("alt+7", "left", "left")
	tt.press("down")
	tt.typeText("improving")
	tt.press("enter")
	tt.typeText("Better than last year")
	tt.press("esc")
	tt.contains("Overall judgement: ■■■· Good — improving")
	r = loadReview(t, st, tt.m.ws.rev.ID)
	if r.Judgement.Word != "improving" || r.Judgement.Level != review.Good || r.Judgement.Explanation != "Better than last year" {
		t.Fatalf("judgement = %+v", r.Judgement)
	}
}

func TestReportPreviewAndExport(t *testing.T) {
	tt, st, id := exampleTester(t, 100, 30)
	tt.press("alt+8")
	tt.contains("Scrutiny report", "the report export writes")
	dir := t.TempDir()
	path := filepath.Join(dir, "out", "report.md")
	tt.press("ctrl+e", "ctrl+u")
	tt.typeText(path)
	tt.press("enter")
	tt.contains("report exported to " + path[:20])
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := review.Render(loadReview(t, st, id))
	if string(got) != string(want) {
		t.Fatal("exported file differs from review.Render")
	}
	// Scrolling moves the preview.
	top := tt.screen()
	tt.press("pgdown")
	if tt.screen() == top {
		t.Fatal("page down did not scroll the preview")
	}
	// A new size is drawn at once, not at the next key.
	tt.send(windowSize(60, 30))
	if s := tt.screen(); strings.Contains(s, "Drawing the preview") || !strings.Contains(s, "the report export writes") {
		t.Fatalf("after a resize the preview waits for a key:\n%s", s)
	}
	// Halfway down, a new width keeps the reader about halfway down: the
	// same text is on other lines.
	rt := tt.m.ws.cur().(*reportTab)
	rt.vp.SetYOffset(rt.vp.TotalLineCount() / 2)
	before := rt.vp.ScrollPercent()
	tt.send(windowSize(100, 30))
	if after := rt.vp.ScrollPercent(); after < before-0.05 || after > before+0.05 {
		t.Fatalf("a resize moved the reader from %.0f%% to %.0f%% of the report", before*100, after*100)
	}
}

// Each format can be exported from the tab, and the tab keeps showing the
// path written for each one after the status line has moved on.
func TestReportExportsEachFormatAndShowsWhere(t *testing.T) {
	tt, st, id := exampleTester(t, 120, 30)
	tt.press("alt+8")
	dir := t.TempDir()
	base := filepath.Join(dir, "paper")
	for i, f := range []string{"md", "html", "docx"} {
		tt.press("ctrl+e", "ctrl+u")
		tt.typeText(base + ".md")
		for range i {
			tt.press("tab") // the next format's ending
		}
		tt.press("enter")
		path := base + "." + f
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if want := report.Export(loadReview(t, st, id), f); !bytes.Equal(got, want) {
			t.Errorf("%s: the file written differs from report.Export", f)
		}
	}
	tt.contains("Written: markdown "+base+".md at", "Written: web page "+base+".html at", "Written: Word document "+base+".docx at")
	// Writing markdown again replaces its line rather than adding one.
	tt.press("ctrl+e", "ctrl+u")
	tt.typeText(base + "-2.md")
	tt.press("enter")
	tt.contains("Written: markdown " + base + "-2.md at")
	if n := strings.Count(tt.screen(), "Written: "); n != 3 {
		t.Errorf("%d written lines, want 3:\n%s", n, tt.screen())
	}
	// A narrow screen keeps the file name and drops the start of the path.
	tt.send(windowSize(60, 30))
	tt.contains("…", "paper.docx at")
}

func TestDeleteGoesToBinAndUndoBringsItBack(t *testing.T) {
	tt, st, id := exampleTester(t, 100, 30)
	tt.press("alt+3", "ctrl+d")
	tt.contains("to the bin?")
	tt.press("n")
	if len(loadReview(t, st, id).Evidence) != 10 {
		t.Fatal("n deleted anyway")
	}
	tt.press("ctrl+d", "y")
	tt.contains("Evidence (9)", "moved to the bin")
	bin, _ := st.Bin(ctx())
	if len(bin) != 1 || bin[0].Kind != store.KindEvidence {
		t.Fatalf("bin = %+v", bin)
	}
	tt.press("ctrl+z")
	tt.contains("Evidence (10)", "undone")
	if len(loadReview(t, st, id).Evidence) != 10 {
		t.Fatal("undo did not restore")
	}
}

func TestUndoFieldEdit(t *testing.T) {
	tt, st, id := exampleTester(t, 80, 24)
	tt.press("enter", "ctrl+a", "ctrl+k")
	tt.typeText("Changed topic")
	tt.press("enter", "ctrl+z")
	if got := loadReview(t, st, id).Topic; got != "Customers contacting Great Places" {
		t.Fatalf("topic after undo = %q", got)
	}
	tt.contains("Customers contacting Great Places")
}

func TestSearchJumpsToItem(t *testing.T) {
	tt, _, _ := exampleTester(t, 100, 30)
	tt.press("ctrl+f")
	tt.typeText("noticeboards")
	tt.contains("Recommendation 6")
	for _, h := range tt.m.ws.search.hits {
		if h.where == "Recommendation 6" {
			break
		}
		tt.press("down")
	}
	tt.press("enter")
	if tt.m.ws.active != 4 {
		t.Fatalf("active tab %d, want recommendations", tt.m.ws.active)
	}
	if rs := tt.m.ws.cur().(*recsTab); rs.l.cursor != 5 {
		t.Fatalf("cursor on %d, want the 6th recommendation", rs.l.cursor)
	}
}

func TestQuitSavesTheFieldBeingTyped(t *testing.T) {
	tt, st, id := exampleTester(t, 80, 24)
	tt.press("alt+2", "enter", "ctrl+a", "ctrl+k")
	tt.typeText("quite a new aim")
	tt.press("ctrl+c")
	if !tt.m.quitting {
		t.Fatal("ctrl+c did not quit")
	}
	if got := loadReview(t, st, id).Scope.Aim; got != "quite a new aim" {
		t.Fatalf("aim = %q", got)
	}
}

func TestQInsideTextTypesQ(t *testing.T) {
	tt, _, _ := exampleTester(t, 80, 24)
	tt.press("alt+2", "enter", "q", "?")
	if tt.m.quitting || tt.m.showHelp {
		t.Fatal("q or ? acted inside a text field")
	}
	// After esc the field is still selected, so q and ? type into it again.
	tt.press("esc", "q", "?")
	if tt.m.quitting || tt.m.showHelp {
		t.Fatal("q or ? acted on a selected field")
	}
	tt.press("esc", "f1")
	if !tt.m.showHelp {
		t.Fatal("F1 did not open the help")
	}
	tt.contains("All keys", "go to a tab", "Typing always goes into the selected field")
	tt.press("esc", "ctrl+q")
	if !tt.m.quitting {
		t.Fatal("ctrl+q did not quit")
	}
}

func TestFailedSaveKeepsTextAndSaysWhy(t *testing.T) {
	tt, st, _ := exampleTester(t, 80, 24)
	tt.press("enter", "ctrl+a", "ctrl+k")
	tt.typeText("Text that cannot be saved")
	st.Close()
	tt.press("enter")
	tt.contains("Could not save topic", "Text that cannot be saved")
	if !tt.m.ws.typing() {
		t.Fatal("editor closed after a failed save")
	}
	tt.lacks("saved 14:03:22")
	// Quitting with an unsaved field asks first; ctrl+c twice leaves.
	tt.press("ctrl+c")
	if tt.m.quitting {
		t.Fatal("quit with unsaved text at the first ctrl+c")
	}
	tt.press("ctrl+c")
	if !tt.m.quitting {
		t.Fatal("second ctrl+c did not leave")
	}
}

func TestHomeFilterArchiveBinRestore(t *testing.T) {
	st := openStore(t)
	for _, topic := range []string{"Repairs", "Complaints", "Parking"} {
		r := &review.Review{Topic: topic, Stage: review.StageScoping}
		if err := st.CreateReview(ctx(), r); err != nil {
			t.Fatal(err)
		}
	}
	tt := newTester(t, st, 80, 24, Options{})
	tt.contains("Repairs", "Complaints", "Parking")
	tt.typeText("par")
	tt.contains("filter: par", "Parking")
	tt.lacks("Complaints")
	tt.press("q") // q types while filtering
	if tt.m.quitting {
		t.Fatal("q quit while filtering")
	}
	tt.press("esc")
	tt.contains("Complaints")
	tt.press("ctrl+a")
	tt.contains("archived")
	tt.press("home", "delete", "y")

	tt.press("tab")
	tt.contains("Bin (1)", "review: ")
	tt.press("enter")
	tt.contains("Bin (0)", "restored")
}

func TestTooSmallAndResize(t *testing.T) {
	tt, _, _ := exampleTester(t, 59, 20)
	s := tt.screen()
	if strings.Contains(s, "\n") || !strings.Contains(s, "too small: need 60×20, now 59×20") {
		t.Fatalf("too-small screen = %q", s)
	}
	tt.send(windowSize(60, 20))
	tt.contains("Customers contacting")
	tt.send(windowSize(250, 70))
	checkFrame(t, tt.screen(), 250, 70)
}

func TestMouseSelectsTabsAndRows(t *testing.T) {
	tt, _, _ := exampleTester(t, 100, 30)
	z := tabZones(100, 0)[2] // the Evidence tab
	tt.send(click(z[0]+1, 1))
	if tt.m.ws.active != 2 {
		t.Fatalf("click on tab went to %d", tt.m.ws.active)
	}
	r := wsLayout(100, 28)
	tt.send(click(2, r.bodyY+1+3)) // fourth evidence row
	if c := tt.m.ws.cur().(*evidenceTab).l.cursor; c != 3 {
		t.Fatalf("row click selected %d", c)
	}
	tt.press("ctrl+o")
	tt.contains("mouse off")
	tt.send(click(z[0]+1, 1))
	if tt.m.ws.active != 2 {
		t.Fatal("click acted with the mouse off")
	}
}

func TestWideTextKeepsAlignment(t *testing.T) {
	tt, _ := newReviewTester(t, 80, 24)
	tt.typeText("住宅の修理 🏠🔧 \x1b[31mred\x1b[0m and a verylongwordthatgoesonandonandonandonandonandonandonandonandonandon")
	tt.press("enter", "alt+3", "ctrl+n")
	tt.typeText("絵文字 👩‍👩‍👧 evidence")
	tt.press("enter")
	for _, size := range [][2]int{{80, 24}, {60, 20}, {120, 40}} {
		tt.send(windowSize(size[0], size[1]))
		for _, k := range []string{"alt+1", "alt+3", "alt+4"} {
			tt.press(k)
			checkFrame(t, tt.screen(), size[0], size[1])
		}
	}
	if strings.Contains(tt.m.Render(), "\x1b[31m") {
		t.Fatal("user's escape code reached the screen")
	}
}

func TestReadOnlyChangesNothing(t *testing.T) {
	st := openStore(t)
	id, err := example.Load(ctx(), st)
	if err != nil {
		t.Fatal(err)
	}
	tt := newTester(t, st, 80, 24, Options{ReviewID: id, ReadOnly: true})
	tt.contains("read only")
	tt.press("enter")
	if tt.m.ws.typing() {
		t.Fatal("a read-only window opened a field for typing")
	}
	tt.contains("reading only")
	tt.press("alt+3", "ctrl+n")
	tt.press("ctrl+d", "y")
	if n := len(loadReview(t, st, id).Evidence); n != 10 {
		t.Fatalf("read-only window changed the evidence: %d items", n)
	}
}

func TestUndoNewReviewGoesHome(t *testing.T) {
	tt, st := newReviewTester(t, 80, 24)
	tt.press("esc", "ctrl+z")
	if tt.m.screen == scrWorkspace {
		t.Fatalf("still in the workspace of an undone review:\n%s", tt.screen())
	}
	if l, _ := st.ListReviews(ctx()); len(l) != 0 {
		t.Fatalf("undo left %d reviews", len(l))
	}
}

// One line up from the end of the report the tab does not say 100%: the
// share is rounded down, and 100% means the last line is on screen.
func TestReportShareIsNotFullBeforeTheEnd(t *testing.T) {
	tt, _, _ := exampleTester(t, 60, 20)
	tt.press("alt+8")
	tt.contains("the report export writes")
	tt.press("end")
	tt.contains("100%")
	tt.press("up")
	if strings.Contains(tt.screen(), "100%") {
		t.Fatalf("one line from the end the tab says 100%%:\n%s", tt.screen())
	}
}
