package review

import (
	"fmt"
	"strings"
)

// CriteriaTemplate is a ready-made set of criteria a panel can start from
// and then change to its own words.
type CriteriaTemplate struct {
	Name     string
	About    string
	Criteria []string
}

// CriteriaTemplates returns the starting sets offered when a panel adds
// criteria. The first is the set a real panel used to judge how customers
// contact their landlord; the others are general ones for any service.
func CriteriaTemplates() []CriteriaTemplate {
	return []CriteriaTemplate{
		{
			Name:  "Customer contact",
			About: "How customers get in touch and how they are treated",
			Criteria: []string{
				"Timeliness and ease of contact",
				"Quality of the response to the query",
				"Customer kept informed during their interaction",
				"Overall level of customer service",
			},
		},
		{
			Name:  "Any service",
			About: "General questions that fit most service areas",
			Criteria: []string{
				"Service standards are clear and met",
				"Customers are treated fairly and with respect",
				"Value for money",
				"Learning from complaints and feedback",
			},
		},
		{
			Name:  "Repairs and maintenance",
			About: "Getting repairs done right, first time",
			Criteria: []string{
				"Ease of reporting a repair",
				"Appointments made and kept",
				"Repairs fixed right first time",
				"Quality of the finished work",
			},
		},
		{
			Name:  "Information and communication",
			About: "What customers are told and how",
			Criteria: []string{
				"Information is clear and easy to find",
				"Letters and messages are in plain English",
				"Customers can choose how to be contacted",
			},
		},
	}
}

// CriteriaFromTemplate makes unsaved criteria (no IDs, not scored) from a
// template's names, skipping any the review already has.
func (r *Review) CriteriaFromTemplate(t CriteriaTemplate) []Criterion {
	have := map[string]bool{}
	for _, c := range r.Criteria {
		have[strings.ToLower(strings.TrimSpace(c.Name))] = true
	}
	var out []Criterion
	for _, n := range t.Criteria {
		if !have[strings.ToLower(n)] {
			out = append(out, Criterion{Name: n})
		}
	}
	return out
}

// AddVote records one vote of the room for level l.
func (c *Criterion) AddVote(l Level) {
	if l.Valid() && c.Votes[l] < MaxCount {
		c.Votes[l]++
	}
}

// RemoveVote takes back one vote for level l (never below zero), for the
// facilitator who pressed the wrong key.
func (c *Criterion) RemoveVote(l Level) {
	if l.Valid() && c.Votes[l] > 0 {
		c.Votes[l]--
	}
}

// ClearVotes starts the count again.
func (c *Criterion) ClearVotes() { c.Votes = [5]int{} }

// TotalVotes is how many votes the room cast.
func (c Criterion) TotalVotes() int {
	n := 0
	for _, l := range Levels {
		n += bounded(c.Votes[l], MaxCount)
	}
	return n
}

// VoteShare is one labelled bar of the tally.
type VoteShare struct {
	Level Level
	N     int
	Pct   float64 // of all votes, 0-100
}

// Tally returns the four levels from poor to excellent with their counts.
func (c Criterion) Tally() []VoteShare {
	total := c.TotalVotes()
	out := make([]VoteShare, 0, len(Levels))
	for _, l := range Levels {
		v := VoteShare{Level: l, N: c.Votes[l]}
		if total > 0 {
			v.Pct = 100 * float64(v.N) / float64(total)
		}
		out = append(out, v)
	}
	return out
}

// LeadingLevels returns the level or levels with the most votes, lowest
// first; none when nobody has voted.
func (c Criterion) LeadingLevels() []Level {
	best := 0
	for _, l := range Levels {
		best = max(best, c.Votes[l])
	}
	if best == 0 {
		return nil
	}
	var out []Level
	for _, l := range Levels {
		if c.Votes[l] == best {
			out = append(out, l)
		}
	}
	return out
}

// Leading returns the single level with the most votes; ok is false when
// nobody voted or the room is split.
func (c Criterion) Leading() (Level, bool) {
	ls := c.LeadingLevels()
	if len(ls) != 1 {
		return LevelNone, false
	}
	return ls[0], true
}

// VoteSummary says in words what the room decided: "No votes yet", "Most
// votes for good (5 of 8)", or "The room is split between fair and good
// (4 each of 8)", the case where a panel may choose its own word.
func (c Criterion) VoteSummary() string {
	total := c.TotalVotes()
	ls := c.LeadingLevels()
	switch {
	case total == 0:
		return "No votes yet"
	case len(ls) == 1:
		if total == 1 {
			return "One vote, for " + ls[0].String()
		}
		if c.Votes[ls[0]] == total {
			return fmt.Sprintf("All %d votes for %s", total, ls[0])
		}
		return fmt.Sprintf("Most votes for %s (%d of %d)", ls[0], c.Votes[ls[0]], total)
	}
	words := make([]string, len(ls))
	for i, l := range ls {
		words[i] = l.String()
	}
	list := strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
	return fmt.Sprintf("The room is split between %s (%d each of %d)", list, c.Votes[ls[0]], total)
}

// Split reports whether the leading levels are tied.
func (c Criterion) Split() bool { return len(c.LeadingLevels()) > 1 }

// JudgementSplit looks across the agreed scores of the criteria: when the
// most common agreed levels are tied (as fair and good were in the seed
// report), it returns them so the UI can offer the panel its own word.
func (r *Review) JudgementSplit() []Level {
	var counts [5]int
	for _, c := range r.Criteria {
		if c.Level.Valid() {
			counts[c.Level]++
		}
	}
	best := 0
	for _, l := range Levels {
		best = max(best, counts[l])
	}
	var out []Level
	for _, l := range Levels {
		if best > 0 && counts[l] == best {
			out = append(out, l)
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// Label shows the verdict as it reads in the report and on the wall: the
// level's word and symbol, the panel's own word, or both ("Fair ■■□□ —
// improving"); "Not decided yet".
func (j Judgement) Label() string {
	word := strings.TrimSpace(j.Word)
	switch {
	case word != "" && j.Level.Valid():
		return j.Level.Label() + " — " + word
	case word != "":
		return word
	case j.Level.Valid():
		return j.Level.Label()
	}
	return "Not decided yet"
}
