package present

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"scrutiny/review"
	"scrutiny/ui/text"
)

// Spoken says what the wall shows as one or two plain sentences, for a
// blind panel member following on their own laptop with a screen reader
// ("scrutiny present --plain"): words and numbers only, no bars, gauges or
// ticks, so nothing is read out as "black square". A running timer is said
// to the minute, so it changes once a minute, not every second.
func Spoken(s Snapshot, now time.Time) string {
	r := s.Review
	if r == nil {
		return "No review is open yet."
	}
	p := s.Pos
	var out string
	switch p.ItemKind {
	case ItemCriterion:
		out = spokenCriterion(r, p.ItemID)
	case ItemRecommendation:
		out = spokenRecommendation(r, p)
	case ItemFinding:
		if f, ok := r.FindingByID(p.ItemID); ok {
			kind := "Issue"
			if f.Kind == review.GoodPractice {
				kind = "Good practice"
			}
			out = kind + ": " + sentence(f.Text)
		}
	case ItemEvidence:
		if e, ok := r.EvidenceByID(p.ItemID); ok {
			out = "Evidence: " + Clean(e.Title) + ", " + string(e.Kind)
			if !e.Date.IsZero() {
				out += ", " + e.Date.Long()
			}
			out += "."
		}
	case ItemStandards, ItemStandard:
		out = spokenStandards(r)
	case ItemSurvey, ItemQuestion:
		out = spokenSurvey(r, p)
	case ItemJudgement:
		var parts []string
		for _, c := range r.Criteria {
			lv := "not scored"
			if c.Level.Valid() {
				lv = c.Level.String()
			}
			parts = append(parts, Clean(c.Name)+": "+lv)
		}
		out = "Overall judgement: " + judgementWords(r.Judgement) + "."
		if len(parts) > 0 {
			out += " " + strings.Join(parts, "; ") + "."
		}
	case ItemMeeting:
		if _, m := findMeeting(r, p.ItemID); m != nil {
			var items []string
			for i, it := range m.Agenda {
				s := fmt.Sprintf("%d, %s", i+1, Clean(it.Title))
				if it.Minutes > 0 {
					s += ", " + text.Count(it.Minutes, "minute", "minutes")
				}
				items = append(items, s)
			}
			out = "Meeting on " + m.Date.Long() + "."
			if len(items) > 0 {
				out += " Agenda: " + strings.Join(items, "; ") + "."
			}
		}
	case ItemAgenda:
		out = spokenAgenda(r, p, now)
	}
	if out == "" {
		out = fmt.Sprintf("%s, %s: %s, %s and %s. Judgement: %s.", Clean(r.Topic), r.Stage,
			text.Count(len(r.Evidence), "piece of evidence", "pieces of evidence"), text.Count(len(r.Findings), "finding", "findings"),
			text.Count(len(r.Recommendations), "recommendation", "recommendations"), judgementWords(r.Judgement))
	}
	return out
}

// judgementWords is the verdict without its gauge: "good", "Improving".
func judgementWords(j review.Judgement) string {
	switch {
	case strings.TrimSpace(j.Word) != "":
		return Clean(j.Word)
	case j.Level.Valid():
		return j.Level.String()
	}
	return "not decided yet"
}

// sentence ends user text with a full stop unless it has its own.
func sentence(s string) string {
	s = strings.TrimSpace(Clean(s))
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".?!") {
		return s
	}
	return s + "."
}

func spokenCriterion(r *review.Review, id string) string {
	for _, c := range r.Criteria {
		if c.ID != id {
			continue
		}
		name := Clean(c.Name)
		if c.TotalVotes() == 0 {
			out := "No votes yet for " + name
			if c.Level.Valid() {
				out += "; agreed: " + c.Level.String()
			}
			return out + "."
		}
		// Most votes first, as the room would say them.
		tally := slices.Clone(c.Tally())
		slices.SortStableFunc(tally, func(a, b review.VoteShare) int { return cmp.Compare(b.N, a.N) })
		var parts []string
		for _, v := range tally {
			if v.N > 0 {
				parts = append(parts, v.Level.String()+" "+strconv.Itoa(v.N))
			}
		}
		out := "Votes for " + name + ": " + strings.Join(parts, ", ")
		if c.Level.Valid() {
			out += "; agreed: " + c.Level.String()
		}
		return out + "."
	}
	return ""
}

func spokenRecommendation(r *review.Review, pos Position) string {
	for i, rec := range r.Recommendations {
		if rec.ID != pos.ItemID {
			continue
		}
		t := rec.Text
		if pos.DraftOf == "text" {
			t = pos.Draft
		}
		if strings.TrimSpace(t) == "" {
			t = "being drafted"
		}
		out := fmt.Sprintf("Recommendation %d: %s", i+1, sentence(t))
		for j, sp := range rec.SubPoints {
			st := sp.Text
			if pos.DraftOf != "" && sp.ID == pos.DraftOf {
				st = pos.Draft
			}
			out += fmt.Sprintf(" %d%c: %s", i+1, 'a'+rune(j%26), sentence(st))
		}
		return out
	}
	return ""
}

func spokenStandards(r *review.Review) string {
	if len(r.Standards) == 0 {
		return "Service standards: none recorded yet."
	}
	out := "Service standards: " + review.StandardsSummary(r.Standards) + "."
	for _, st := range r.Standards {
		m, _ := st.Met()
		out += fmt.Sprintf(" %s: target %s, actual %s, %s.", Clean(st.Promise), text.OrEmpty(Clean(st.Target), "none"),
			text.OrEmpty(Clean(st.Actual), "none"), m.Word())
	}
	return out
}

func spokenSurvey(r *review.Review, p Position) string {
	sl, ok := surveySlide(r, p.ItemKind, p.ItemID)
	if !ok {
		return ""
	}
	// The survey slide's bars hold the answers and counts already.
	var parts []string
	foot := ""
	for _, l := range sl.Lines {
		switch l.Kind {
		case BarLine:
			parts = append(parts, l.Bar.Label+": "+l.Bar.Note)
		case Text:
			foot = strings.ReplaceAll(l.Text, " · ", ", ")
		}
	}
	out := sentence(sl.Title)
	if len(parts) > 0 {
		out += " " + strings.Join(parts, ", ") + "."
	}
	if foot != "" {
		out += " " + sentence(foot)
	}
	return out
}

func spokenAgenda(r *review.Review, pos Position, now time.Time) string {
	mid, idx, _ := strings.Cut(pos.ItemID, "/")
	_, m := findMeeting(r, mid)
	i, err := strconv.Atoi(idx)
	if m == nil || err != nil || i < 0 || i >= len(m.Agenda) {
		return ""
	}
	it := m.Agenda[i]
	out := fmt.Sprintf("Agenda item %d of %d: %s.", i+1, len(m.Agenda), Clean(it.Title))
	minutes := func(d time.Duration) string {
		n := int((d + time.Minute - 1) / time.Minute)
		return text.Count(n, "minute", "minutes")
	}
	allowed := time.Duration(it.Minutes) * time.Minute
	switch {
	case pos.Since > 0 && it.Minutes > 0:
		el := max(now.Sub(time.UnixMilli(pos.Since)), 0)
		if el <= allowed {
			out += " " + minutes(allowed-el) + " left of " + text.Count(it.Minutes, "minute", "minutes") + "."
		} else {
			out += " Over time by " + minutes(el-allowed) + "."
		}
	case it.Minutes > 0:
		out += " " + text.Count(it.Minutes, "minute", "minutes") + " allowed."
	}
	return out
}
