package store

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"scrutiny/review"
)

// An item's ID is its identity across laptops, so an import whose item
// already belongs to another review (or survey) here cannot be merged: the
// merge statements would leave that item where it is and the review being
// imported would silently lose it. A person who copies a review by editing
// its ID in a bundle would lose everything in it, so the whole import is
// refused instead, naming the ID and both owners.

const ownerChunk = 500

// checkOwners refuses r when any of its items is already stored under a
// different parent. It runs before r is written.
func (im *importer) checkOwners(r *review.Review) error {
	lists := []struct {
		t   table
		ids []string
	}{
		{meetingTable, idsOf(r.Meetings, func(m review.Meeting) string { return m.ID })},
		{evidenceTable, idsOf(r.Evidence, func(e review.Evidence) string { return e.ID })},
		{findingTable, idsOf(r.Findings, func(f review.Finding) string { return f.ID })},
		{standardTable, idsOf(r.Standards, func(s review.Standard) string { return s.ID })},
		{surveyTable, idsOf(r.Surveys, func(s review.Survey) string { return s.ID })},
		{recTable, idsOf(r.Recommendations, func(x review.Recommendation) string { return x.ID })},
		{criterionTable, idsOf(r.Criteria, func(c review.Criterion) string { return c.ID })},
	}
	for _, l := range lists {
		id, owner, err := im.ownedElsewhere(l.t, l.ids, r.ID)
		if err != nil || id == "" {
			if err != nil {
				return err
			}
			continue
		}
		return bundleError("the %s %s in the review %s already belongs to the review %s in this file; "+
			"a copy of a review needs new IDs for its items as well", l.t.what, id, reviewName(r.ID, r.Topic), im.reviewName(owner))
	}
	for i := range r.Surveys {
		sv := &r.Surveys[i]
		ids := sv.Respondents.IDs
		id, owner, err := im.ownedElsewhere(respondentTable, ids, sv.ID)
		if err != nil {
			return err
		}
		if id != "" {
			return bundleError("the respondent %s of the survey %q in the review %s already belongs to %s in this file; "+
				"a copy of a survey needs new IDs for its respondents as well", id, sv.Name, reviewName(r.ID, r.Topic), im.surveyName(owner))
		}
	}
	return nil
}

func idsOf[T any](xs []T, id func(T) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = id(x)
	}
	return out
}

// ownedElsewhere returns the first of ids stored in t under a parent other
// than parent, with that parent.
func (im *importer) ownedElsewhere(t table, ids []string, parent string) (string, string, error) {
	for len(ids) > 0 {
		n := min(len(ids), ownerChunk)
		args := make([]any, 0, n+1)
		for _, id := range ids[:n] {
			args = append(args, id)
		}
		args = append(args, parent)
		q := fmt.Sprintf("SELECT id, %[2]s FROM %[1]s WHERE id IN (?%[3]s) AND %[2]s <> ? LIMIT 1",
			t.name, t.parent, strings.Repeat(", ?", n-1))
		var id, owner string
		err := im.tx.QueryRowContext(im.ctx, q, args...).Scan(&id, &owner)
		if err == nil {
			return id, owner, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return "", "", err
		}
		ids = ids[n:]
	}
	return "", "", nil
}

func reviewName(id, topic string) string {
	return fmt.Sprintf("%q (ID %s)", cleanName(topic), id)
}

func (im *importer) reviewName(id string) string {
	var topic string
	if err := im.tx.QueryRowContext(im.ctx, "SELECT topic FROM reviews WHERE id = ?", id).Scan(&topic); err != nil {
		return "with the ID " + id
	}
	return reviewName(id, topic)
}

func (im *importer) surveyName(id string) string {
	var name, rid, topic string
	err := im.tx.QueryRowContext(im.ctx, "SELECT s.name, r.id, r.topic FROM surveys s JOIN reviews r ON r.id = s.review_id WHERE s.id = ?", id).
		Scan(&name, &rid, &topic)
	if err != nil {
		return "the survey with the ID " + id
	}
	return fmt.Sprintf("the survey %q of the review %s", cleanName(name), reviewName(rid, topic))
}

// cleanName keeps a name fit for a one-line message: no control
// characters, and not a whole page of text.
func cleanName(s string) string {
	s = review.CleanLine(s)
	if r := []rune(s); len(r) > 60 {
		s = string(r[:59]) + "…"
	}
	return s
}
