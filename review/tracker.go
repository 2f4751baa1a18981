package review

import (
	"crypto/sha256"
	"encoding/base32"
	"strings"
)

// Tracked is one recommendation as the tracker sees it: the review it
// belongs to, its number there, and the recommendation with its response
// and actions.
type Tracked struct {
	ReviewID    string
	ReviewTopic string
	Number      int // 1-based position in its review
	Rec         Recommendation
}

// TrackerFilter picks the tracker's rows.
type TrackerFilter struct {
	ReviewID string
	// Status keeps recommendations whose decision is the word, or that
	// have an action with that status ("accepted", "behind", "none").
	Status  string
	Overdue bool // only those with an overdue action
}

// Keep reports whether t passes the filter as of today.
func (f TrackerFilter) Keep(t *Tracked, today Date) bool {
	if f.ReviewID != "" && t.ReviewID != f.ReviewID {
		return false
	}
	if f.Overdue && t.Rec.Progress(today).Overdue == 0 {
		return false
	}
	if f.Status == "" {
		return true
	}
	w := normWord(f.Status)
	if d, err := ParseDecision(w); err == nil && (t.Rec.Response.Decision == d) {
		return true
	}
	if st, err := ParseActionStatus(w); err == nil && w != "" {
		for _, a := range t.Rec.Actions {
			if a.Status == st {
				return true
			}
		}
	}
	return false
}

// ValidTrackerStatus reports whether a --status word means a decision or a
// status at all, so a typo is refused rather than matching nothing.
func ValidTrackerStatus(s string) error {
	if _, err := ParseDecision(s); err == nil {
		return nil
	}
	if _, err := ParseActionStatus(s); err == nil {
		return nil
	}
	return &wordError{s}
}

type wordError struct{ w string }

func (e *wordError) Error() string {
	return "\"" + strings.TrimSpace(e.w) + "\" is neither a decision (none, " + wordList(Decisions) + ") nor a status (" + wordList(ActionStatuses) + ")"
}

// ReviewKeys gives every review a short code for tracker references
// ("K7QXD-3.1"): the start of a hash of its ID, as long as needed (at
// least five letters) for the reviews given to differ. A reference made
// with the codes of one day still finds its review later, when more reviews
// may have made the codes longer: see MatchReviewKey.
func ReviewKeys(ids []string) map[string]string {
	full := make(map[string]string, len(ids))
	for _, id := range ids {
		full[id] = reviewHash(id)
	}
	for n := 5; ; n++ {
		seen := map[string]bool{}
		clash := false
		for _, h := range full {
			k := h[:min(n, len(h))]
			if seen[k] {
				clash = true
				break
			}
			seen[k] = true
		}
		if !clash || n >= 52 {
			out := make(map[string]string, len(ids))
			for id, h := range full {
				out[id] = h[:min(n, len(h))]
			}
			return out
		}
	}
}

// MatchReviewKey finds the review whose code begins with key: the one ID,
// "" when none does, and ambiguous when more than one does.
func MatchReviewKey(key string, ids []string) (id string, ambiguous bool) {
	key = strings.ToUpper(strings.TrimSpace(key))
	if len(key) < 5 {
		return "", false
	}
	for _, c := range ids {
		if strings.HasPrefix(reviewHash(c), key) {
			if id != "" {
				return "", true
			}
			id = c
		}
	}
	return id, false
}

func reviewHash(id string) string {
	h := sha256.Sum256([]byte(id))
	return base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(h[:])
}

// shortText is the first words of a recommendation, for one line.
func shortText(s string, n int) string {
	// Only the start is shown, so only the start is cleaned.
	if len(s) > 8*n {
		s = s[:8*n]
	}
	s = CleanLine(s)
	if r := []rune(s); len(r) > n {
		return strings.TrimSpace(string(r[:n-1])) + "…"
	}
	return s
}

// TrackerMarkdown is `scrutiny tracker`: a table with one row per
// recommendation that passes f, across every review, as of today, and a
// line of totals.
func TrackerMarkdown(ts []Tracked, f TrackerFilter, today Date) string {
	var b strings.Builder
	b.WriteString("| Review | No. | Recommendation | Decision | Actions done | Overdue | Next due |\n|---|--:|---|---|--:|--:|---|\n")
	var total Progress
	n := 0
	topics := map[string]string{} // each review's cell, made once
	for i := range ts {
		t := &ts[i]
		if !f.Keep(t, today) {
			continue
		}
		n++
		p := t.Rec.Progress(today)
		total = total.Add(p)
		overdue := "–"
		if p.Overdue > 0 {
			overdue = "⚠ " + itoa(p.Overdue)
		}
		topic, ok := topics[t.ReviewID]
		if !ok {
			topic = EscapeCell(shortText(t.ReviewTopic, 30))
			topics[t.ReviewID] = topic
		}
		b.WriteString("| " + topic + " | " + itoa(t.Number) + " | " + EscapeCell(shortText(t.Rec.Text, 50)) +
			" | " + t.Rec.Response.Decision.Label() + " | " + doneOf(p) + " | " + overdue + " | " + orDash(p.NextDue.Short()) + " |\n")
	}
	b.WriteString("\n" + itoa(n) + " " + Plural(n, "recommendation", "recommendations") + "; actions: " + strings.ToLower(total.Text()) + " (as at " + today.Short() + ").\n")
	return b.String()
}

func doneOf(p Progress) string {
	if p.Total == 0 {
		return "–"
	}
	return itoa(p.Done) + " of " + itoa(p.Total)
}
