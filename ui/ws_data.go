package ui

import (
	"slices"

	"scrutiny/review"
	"scrutiny/store"
)

// Every change below follows one rule: build the new value on a copy, ask
// the store to save it, and only when the store said yes put it in memory.
// A failed save leaves memory as it was, so the screen never shows as saved
// something that is not on disk.

func (ws *workspace) saveHeader(apply func(r *review.Review)) error {
	cp := *ws.rev
	apply(&cp)
	if err := ws.e.st.SaveReview(ws.e.ctx, &cp); err != nil {
		return err
	}
	*ws.rev = cp
	ws.touch()
	return nil
}

func (ws *workspace) evidenceIndex(id string) int {
	return slices.IndexFunc(ws.rev.Evidence, func(e review.Evidence) bool { return e.ID == id })
}

func (ws *workspace) findingIndex(id string) int {
	return slices.IndexFunc(ws.rev.Findings, func(f review.Finding) bool { return f.ID == id })
}

func (ws *workspace) recIndex(id string) int {
	return slices.IndexFunc(ws.rev.Recommendations, func(r review.Recommendation) bool { return r.ID == id })
}

func (ws *workspace) criterionIndex(id string) int {
	return slices.IndexFunc(ws.rev.Criteria, func(c review.Criterion) bool { return c.ID == id })
}

func (ws *workspace) saveEvidence(id string, apply func(e *review.Evidence)) error {
	i := ws.evidenceIndex(id)
	if i < 0 {
		return store.ErrNotFound
	}
	cp := ws.rev.Evidence[i]
	apply(&cp)
	if err := ws.e.st.SaveEvidence(ws.e.ctx, ws.rev.ID, &cp); err != nil {
		return err
	}
	ws.rev.Evidence[i] = cp
	ws.touch()
	return nil
}

func (ws *workspace) saveFinding(id string, apply func(f *review.Finding)) error {
	i := ws.findingIndex(id)
	if i < 0 {
		return store.ErrNotFound
	}
	cp := ws.rev.Findings[i]
	cp.EvidenceIDs = slices.Clone(cp.EvidenceIDs)
	apply(&cp)
	if err := ws.e.st.SaveFinding(ws.e.ctx, ws.rev.ID, &cp); err != nil {
		return err
	}
	ws.rev.Findings[i] = cp
	ws.touch()
	return nil
}

func (ws *workspace) saveRec(id string, apply func(r *review.Recommendation)) error {
	i := ws.recIndex(id)
	if i < 0 {
		return store.ErrNotFound
	}
	cp := ws.rev.Recommendations[i]
	cp.SubPoints = slices.Clone(cp.SubPoints)
	cp.FindingIDs = slices.Clone(cp.FindingIDs)
	apply(&cp)
	if err := ws.e.st.SaveRecommendation(ws.e.ctx, ws.rev.ID, &cp); err != nil {
		return err
	}
	ws.rev.Recommendations[i] = cp
	ws.touch()
	return nil
}

func (ws *workspace) saveCriterion(id string, apply func(c *review.Criterion)) error {
	i := ws.criterionIndex(id)
	if i < 0 {
		return store.ErrNotFound
	}
	cp := ws.rev.Criteria[i]
	apply(&cp)
	if err := ws.e.st.SaveCriterion(ws.e.ctx, ws.rev.ID, &cp); err != nil {
		return err
	}
	ws.rev.Criteria[i] = cp
	ws.touch()
	return nil
}

// addEvidence, addFinding... insert a new item and return how to undo it.
func (ws *workspace) addEvidence(e review.Evidence) (string, func() error, error) {
	if err := ws.e.st.SaveEvidence(ws.e.ctx, ws.rev.ID, &e); err != nil {
		return "", nil, err
	}
	ws.rev.Evidence = append(ws.rev.Evidence, e)
	ws.touch()
	return e.ID, ws.deleter(store.KindEvidence, e.ID), nil
}

func (ws *workspace) addFinding(f review.Finding) (string, func() error, error) {
	if err := ws.e.st.SaveFinding(ws.e.ctx, ws.rev.ID, &f); err != nil {
		return "", nil, err
	}
	ws.rev.Findings = append(ws.rev.Findings, f)
	ws.touch()
	return f.ID, ws.deleter(store.KindFinding, f.ID), nil
}

func (ws *workspace) addRec(r review.Recommendation) (string, func() error, error) {
	if err := ws.e.st.SaveRecommendation(ws.e.ctx, ws.rev.ID, &r); err != nil {
		return "", nil, err
	}
	ws.rev.Recommendations = append(ws.rev.Recommendations, r)
	ws.touch()
	return r.ID, ws.deleter(store.KindRecommendation, r.ID), nil
}

func (ws *workspace) addCriterion(c review.Criterion) (string, func() error, error) {
	if err := ws.e.st.SaveCriterion(ws.e.ctx, ws.rev.ID, &c); err != nil {
		return "", nil, err
	}
	ws.rev.Criteria = append(ws.rev.Criteria, c)
	ws.touch()
	return c.ID, ws.deleter(store.KindCriterion, c.ID), nil
}

func (ws *workspace) deleter(kind store.Kind, id string) func() error {
	st, ctx := ws.e.st, ws.e.ctx
	return func() error { return st.Delete(ctx, kind, id) }
}

// remove moves an item to the bin after the user confirmed, then reloads.
func (ws *workspace) remove(what string, kind store.Kind, id string) {
	st, ctx := ws.e.st, ws.e.ctx
	err := ws.e.do("move "+what+" to the bin",
		func() error { return st.Delete(ctx, kind, id) },
		func() error { return st.Restore(ctx, kind, id) })
	if err == nil {
		if err := ws.reload(); err != nil {
			ws.e.fail("read the review again", err)
		}
		ws.e.note("moved to the bin (saved " + ws.e.now().Format("15:04:05") + "): ctrl+z undoes it, " +
			"or restore it later from the Bin on the list of reviews.")
	}
}

// move puts an item at a new index in its list.
func (ws *workspace) move(what string, kind store.Kind, id string, from, to int) bool {
	st, ctx := ws.e.st, ws.e.ctx
	err := ws.e.do("move "+what,
		func() error { return st.Move(ctx, kind, id, to) },
		func() error { return st.Move(ctx, kind, id, from) })
	return err == nil
}
