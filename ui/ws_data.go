package ui

import (
	"errors"
	"slices"

	"scrutiny/review"
	"scrutiny/store"
)

// Every change below follows one rule, kept in saveCopy and addItem: build
// the new value on a copy, ask the store to save it, and only when the store
// said yes put it in memory. A failed save leaves memory as it was, so the
// screen never shows as saved something that is not on disk.
//
// An edit is saved as a patch (the item as shown, and the copy): the store
// writes only the fields that differ, so a field changed meanwhile by an
// import or another copy of the app is never overwritten from memory. When
// the store refuses because the edited field itself was changed, the review
// is read again so the screen shows the other version, and the error (which
// wraps store.ErrChanged) lets the form decide (see saveOver).

// patched finishes a patch: memory takes the edited copy, or on a refusal
// the review is read again.
func (ws *workspace) patched(err error, keep func()) error {
	if errors.Is(err, store.ErrChanged) {
		if rerr := ws.reload(); rerr != nil {
			return rerr
		}
		return err
	}
	if err != nil {
		return err
	}
	if keep != nil {
		keep()
	}
	ws.touch()
	return nil
}

func (ws *workspace) saveHeader(apply func(r *review.Review)) error {
	cp := *ws.rev
	apply(&cp)
	_, err := ws.e.st.PatchReview(ws.e.ctx, ws.rev, &cp)
	return ws.patched(err, func() { *ws.rev = cp })
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

// saveCopy is the one way a listed item changes: clone copies the item
// (and any list inside it that apply may change), apply edits the copy,
// save patches the store from the item as shown to the copy, and only when
// the store said yes does the copy replace list[i].
func saveCopy[T any](ws *workspace, list []T, i int, clone func(T) T, apply func(*T) error, save func(before, after *T) error) error {
	if i < 0 || i >= len(list) {
		return store.ErrNotFound
	}
	cp := clone(list[i])
	if err := apply(&cp); err != nil {
		return err
	}
	return ws.patched(save(&list[i], &cp), func() { list[i] = cp })
}

// patch adapts a store Patch method to saveCopy.
func patch[T any](f func(before, after *T) (T, error)) func(before, after *T) error {
	return func(before, after *T) error { _, err := f(before, after); return err }
}

// addItem saves a new item, fills its ID, and only then appends it to
// list. It returns the ID and how to undo the add (moving it to the bin).
func addItem[T any](ws *workspace, list *[]T, item T, save func(*T) error, id func(*T) string, kind store.Kind) (string, func() error, error) {
	if err := save(&item); err != nil {
		return "", nil, err
	}
	*list = append(*list, item)
	ws.touch()
	return id(&item), ws.deleter(kind, id(&item)), nil
}

// same copies a value with no lists that an edit could share.
func same[T any](v T) T { return v }

// always adapts an edit that cannot fail.
func always[T any](apply func(*T)) func(*T) error {
	return func(v *T) error { apply(v); return nil }
}

func (ws *workspace) saveEvidence(id string, apply func(e *review.Evidence)) error {
	return saveCopy(ws, ws.rev.Evidence, ws.evidenceIndex(id), same, always(apply),
		patch(func(b, a *review.Evidence) (review.Evidence, error) {
			return ws.e.st.PatchEvidence(ws.e.ctx, ws.rev.ID, b, a)
		}))
}

func (ws *workspace) saveFinding(id string, apply func(f *review.Finding)) error {
	clone := func(f review.Finding) review.Finding { f.EvidenceIDs = slices.Clone(f.EvidenceIDs); return f }
	return saveCopy(ws, ws.rev.Findings, ws.findingIndex(id), clone, always(apply),
		patch(func(b, a *review.Finding) (review.Finding, error) {
			return ws.e.st.PatchFinding(ws.e.ctx, ws.rev.ID, b, a)
		}))
}

func (ws *workspace) saveRec(id string, apply func(r *review.Recommendation)) error {
	clone := func(r review.Recommendation) review.Recommendation {
		r.SubPoints, r.FindingIDs = slices.Clone(r.SubPoints), slices.Clone(r.FindingIDs)
		return r
	}
	return saveCopy(ws, ws.rev.Recommendations, ws.recIndex(id), clone, always(apply),
		patch(func(b, a *review.Recommendation) (review.Recommendation, error) {
			return ws.e.st.PatchRecommendation(ws.e.ctx, ws.rev.ID, b, a)
		}))
}

func (ws *workspace) saveCriterion(id string, apply func(c *review.Criterion)) error {
	return saveCopy(ws, ws.rev.Criteria, ws.criterionIndex(id), same, always(apply),
		patch(func(b, a *review.Criterion) (review.Criterion, error) {
			return ws.e.st.PatchCriterion(ws.e.ctx, ws.rev.ID, b, a)
		}))
}

func (ws *workspace) addEvidence(e review.Evidence) (string, func() error, error) {
	return addItem(ws, &ws.rev.Evidence, e, func(e *review.Evidence) error { return ws.e.st.SaveEvidence(ws.e.ctx, ws.rev.ID, e) },
		func(e *review.Evidence) string { return e.ID }, store.KindEvidence)
}

func (ws *workspace) addFinding(f review.Finding) (string, func() error, error) {
	return addItem(ws, &ws.rev.Findings, f, func(f *review.Finding) error { return ws.e.st.SaveFinding(ws.e.ctx, ws.rev.ID, f) },
		func(f *review.Finding) string { return f.ID }, store.KindFinding)
}

func (ws *workspace) addRec(r review.Recommendation) (string, func() error, error) {
	return addItem(ws, &ws.rev.Recommendations, r,
		func(r *review.Recommendation) error { return ws.e.st.SaveRecommendation(ws.e.ctx, ws.rev.ID, r) },
		func(r *review.Recommendation) string { return r.ID }, store.KindRecommendation)
}

func (ws *workspace) addCriterion(c review.Criterion) (string, func() error, error) {
	return addItem(ws, &ws.rev.Criteria, c, func(c *review.Criterion) error { return ws.e.st.SaveCriterion(ws.e.ctx, ws.rev.ID, c) },
		func(c *review.Criterion) string { return c.ID }, store.KindCriterion)
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
