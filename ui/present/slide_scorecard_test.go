package present

import (
	"strings"
	"testing"
	"time"

	"scrutiny/review"
	"scrutiny/review/example"
)

var fixedTime = time.Date(2024, 6, 1, 18, 30, 0, 0, time.UTC)

func TestScorecardSlides(t *testing.T) {
	r := example.Review()
	var tp01 string
	for _, m := range r.Measures {
		if m.Code == "TP01" {
			tp01 = m.ID
		}
	}
	sl := BuildSlide(Snapshot{Review: r, Pos: Position{ReviewID: r.ID, Tab: "scorecard", ItemKind: ItemMeasure, ItemID: tp01}}, fixedTime)
	out := strings.Join(Render(sl, 80, 24, "following the editor", PlainPainter), "\n")
	for _, want := range []string{"TP01 Overall satisfaction", "✗ Not met: the target is at least 75.0%",
		"Up 2.8 points, better since 2022/23", "2022/23", "68.2%", "Lancashire coast (locality): 61.5% ±18.7 points (small base)"} {
		if !strings.Contains(out, want) {
			t.Errorf("measure slide lacks %q:\n%s", want, out)
		}
	}
	bars, big := 0, false
	for _, l := range sl.Lines {
		big = big || (l.Kind == Big && l.Plain() == "In 2023/24: 71.0% ±2.6 points" && l.Tone == ToneIssue)
		if l.Kind == BarLine {
			bars++
			if l.Bar.Max != 710 {
				t.Errorf("bars are on a scale of %d, want 710 (71.0%% in tenths)", l.Bar.Max)
			}
		}
	}
	if !big {
		t.Errorf("the latest figure is not the big line, toned as not met: %+v", sl.Lines)
	}
	if bars != 2 {
		t.Errorf("%d bars, want one per year", bars)
	}
	sl = BuildSlide(Snapshot{Review: r, Pos: Position{ReviewID: r.ID, Tab: "scorecard", ItemKind: ItemScorecard, ItemID: "-"}}, fixedTime)
	out = strings.Join(Render(sl, 80, 24, "following the editor", PlainPainter), "\n")
	if n := strings.Count(out, "✓ Met") + strings.Count(out, "✗ Not met"); n != 9 {
		t.Errorf("%d verdicts on the scorecard slide, want 9:\n%s", n, out)
	}
	empty := &review.Review{Topic: "Repairs"}
	sl = BuildSlide(Snapshot{Review: empty, Pos: Position{Tab: "scorecard", ItemKind: ItemScorecard}}, fixedTime)
	if !strings.Contains(strings.Join(Render(sl, 60, 20, "", PlainPainter), "\n"), "reads no measures yet") {
		t.Error("an empty scorecard does not say so")
	}
}
