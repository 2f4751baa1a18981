package review

import (
	"strings"
	"testing"
)

func TestCriteriaTemplatesIncludeTheSeedFour(t *testing.T) {
	ts := CriteriaTemplates()
	if len(ts) < 2 {
		t.Fatalf("want the seed set plus general ones, got %d", len(ts))
	}
	want := []string{"Timeliness and ease of contact", "Quality of the response to the query",
		"Customer kept informed during their interaction", "Overall level of customer service"}
	if strings.Join(ts[0].Criteria, "|") != strings.Join(want, "|") {
		t.Errorf("first template = %v", ts[0].Criteria)
	}
	r := &Review{Criteria: []Criterion{{Name: "timeliness and ease of contact"}}}
	got := r.CriteriaFromTemplate(ts[0])
	if len(got) != 3 || got[0].Name != want[1] {
		t.Errorf("existing criteria must be skipped: %+v", got)
	}
}

func TestVotes(t *testing.T) {
	var c Criterion
	if c.VoteSummary() != "No votes yet" || c.Split() {
		t.Errorf("empty: %q", c.VoteSummary())
	}
	if _, ok := c.Leading(); ok {
		t.Error("no votes has no leader")
	}
	// The seed panel split between fair and good.
	for range 4 {
		c.AddVote(Fair)
		c.AddVote(Good)
	}
	c.AddVote(Poor)
	c.AddVote(LevelNone) // ignored
	if c.TotalVotes() != 9 {
		t.Errorf("total = %d", c.TotalVotes())
	}
	if got := c.VoteSummary(); got != "The room is split between fair and good (4 each of 9)" {
		t.Errorf("summary = %q", got)
	}
	if ls := c.LeadingLevels(); len(ls) != 2 || ls[0] != Fair || ls[1] != Good || !c.Split() {
		t.Errorf("leading = %v", ls)
	}
	c.AddVote(Good)
	if l, ok := c.Leading(); !ok || l != Good {
		t.Errorf("leading = %v %v", l, ok)
	}
	if got := c.VoteSummary(); got != "Most votes for good (5 of 10)" {
		t.Errorf("summary = %q", got)
	}
	tally := c.Tally()
	if len(tally) != 4 || tally[0].Level != Poor || tally[0].N != 1 || tally[2].Pct != 50 || tally[3].N != 0 {
		t.Errorf("tally = %+v", tally)
	}
	c.RemoveVote(Excellent) // nothing to take back
	c.RemoveVote(Poor)
	if c.Votes[Poor] != 0 || c.Votes[Excellent] != 0 {
		t.Errorf("votes = %v", c.Votes)
	}
	c.ClearVotes()
	c.AddVote(Excellent)
	if c.VoteSummary() != "One vote, for excellent" {
		t.Errorf("summary = %q", c.VoteSummary())
	}
}

func TestJudgementSplitAndLabel(t *testing.T) {
	// The seed: good, good, fair, good gives a clear good...
	r := &Review{Criteria: []Criterion{{Level: Good}, {Level: Good}, {Level: Fair}, {Level: Good}}}
	if s := r.JudgementSplit(); s != nil {
		t.Errorf("split = %v", s)
	}
	// ...while two of each is the case for the panel's own word.
	r.Criteria[0].Level = Fair
	if s := r.JudgementSplit(); len(s) != 2 || s[0] != Fair || s[1] != Good {
		t.Errorf("split = %v", s)
	}
	if got := (Judgement{Word: "Improving", Explanation: "neither fair nor good"}).Label(); got != "Improving" {
		t.Errorf("label = %q", got)
	}
	if got := (Judgement{Level: Good}).Label(); got != "■■■· Good" {
		t.Errorf("label = %q", got)
	}
	if got := (Judgement{}).Label(); got != "Not decided yet" {
		t.Errorf("label = %q", got)
	}
}
