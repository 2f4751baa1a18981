package store

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"scrutiny/review"
)

// ExportBundle writes a JSON bundle of the given reviews (all when ids is
// empty), streaming one review at a time so memory stays flat on large
// databases. The output is deterministic: the same data gives the same
// bytes (there is deliberately no timestamp). One snapshot is read, so a
// concurrent edit is either wholly in the bundle or wholly out of it.
func (s *Store) ExportBundle(ctx context.Context, w io.Writer, ids ...string) error {
	esc := &controlEscaper{w: w}
	bw := bufio.NewWriterSize(esc, 256<<10)
	err := s.read(ctx, "export the reviews", func(tx *wtx) error {
		all := len(ids) == 0
		if all {
			var err error
			if ids, err = liveReviewIDs(ctx, tx); err != nil {
				return err
			}
		}
		fmt.Fprintf(bw, "{\"format\":%q,\"version\":%d,\"reviews\":[", BundleFormat, BundleVersion)
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		referenced := map[string]bool{}
		measured := map[string]bool{}
		// Reading the file and writing the bundle take turns on one
		// core and run side by side on two: this goroutine writes while
		// another reads the next review. Only the reader uses tx until
		// it has finished.
		pieces := make(chan exportPiece, 8)
		stop := make(chan struct{})
		go readForExport(ctx, tx, ids, pieces, stop)
		err := writeReviews(bw, &buf, enc, pieces, func(r *review.Review) {
			if !all {
				noteMembers(r, referenced)
				noteMeasures(r, measured)
			}
		})
		close(stop)
		for range pieces { // wait for the reader to let go of tx
		}
		if err != nil {
			return err
		}
		bw.WriteString("\n],\"members\":[")
		members, err := bundleMembers(ctx, tx, all, referenced)
		if err != nil {
			return err
		}
		for i, m := range members {
			buf.Reset()
			if err := enc.Encode(memberTo(m)); err != nil {
				return err
			}
			if i > 0 {
				bw.WriteByte(',')
			}
			bw.WriteByte('\n')
			bw.Write(bytes.TrimRight(buf.Bytes(), "\n"))
		}
		bw.WriteString("\n],\"measures\":[")
		ms, err := bundleMeasures(ctx, tx, all, measured)
		if err != nil {
			return err
		}
		for i, m := range ms {
			buf.Reset()
			if err := enc.Encode(measureTo(m)); err != nil {
				return err
			}
			if i > 0 {
				bw.WriteByte(',')
			}
			bw.WriteByte('\n')
			bw.Write(bytes.TrimRight(buf.Bytes(), "\n"))
		}
		bw.WriteString("\n]}\n")
		if err := bw.Flush(); err != nil {
			return err
		}
		return esc.flush()
	})
	return err
}

// exportPiece is what the reading side of an export hands the writing
// side, in bundle order: a review, then for each of its surveys the
// respondents' pieces and an end.
type exportPiece struct {
	r     *review.Review // the next review
	block []byte         // a block's stored bytes, holding n people
	n     int
	objs  []byte // respondents as bundle objects, separated by commas
	end   bool   // the current survey's respondents are complete
	err   error
}

// pieceSize is about how many bytes of respondents' rows make one piece.
const pieceSize = 256 << 10

var errExportStopped = errors.New("store: the export stopped before its end")

// readForExport reads reviews ids and their respondents into pieces, and
// closes it when done or when stop is closed.
func readForExport(ctx context.Context, tx *wtx, ids []string, pieces chan<- exportPiece, stop <-chan struct{}) {
	defer close(pieces)
	send := func(p exportPiece) bool {
		select {
		case pieces <- p:
			return true
		case <-stop:
			return false
		}
	}
	done := map[string]bool{}
	for _, id := range ids {
		if done[id] {
			continue
		}
		done[id] = true
		r, err := loadReviewRaw(ctx, tx, id, false)
		if err != nil {
			send(exportPiece{err: err})
			return
		}
		if !send(exportPiece{r: r}) {
			return
		}
		for _, sv := range r.Surveys {
			if err := sendRespondents(ctx, tx, sv.ID, send); err != nil {
				if !errors.Is(err, errExportStopped) {
					send(exportPiece{err: err})
				}
				return
			}
		}
		if err := ctx.Err(); err != nil {
			send(exportPiece{err: err})
			return
		}
	}
}

// writeReviews writes the reviews of pieces as the bundle's list, calling
// seen with each.
func writeReviews(bw *bufio.Writer, buf *bytes.Buffer, enc *json.Encoder, pieces <-chan exportPiece, seen func(*review.Review)) error {
	var bj blockJSON
	var out []byte
	respondents := func(string) error {
		started := false
		for p := range pieces {
			if p.err != nil {
				return p.err
			}
			if p.end {
				if started {
					bw.WriteByte(']')
				}
				return nil
			}
			objs := p.objs
			if p.block != nil {
				var err error
				if out, err = bj.objects(out[:0], p.block, p.n); err != nil {
					return err
				}
				objs = out
			}
			if len(objs) == 0 {
				continue
			}
			if !started {
				bw.WriteString(`,"respondents":[`)
				started = true
			} else {
				bw.WriteByte(',')
			}
			bw.Write(objs)
		}
		return errExportStopped
	}
	first := true
	for p := range pieces {
		if p.err != nil {
			return p.err
		}
		if p.r == nil {
			return errExportStopped
		}
		seen(p.r)
		if !first {
			bw.WriteByte(',')
		}
		first = false
		bw.WriteByte('\n')
		if err := writeReview(bw, buf, enc, reviewTo(p.r), respondents); err != nil {
			return err
		}
	}
	return nil
}

// writeReview writes one review as JSON, the same bytes encoding/json would
// give for the whole bReview, but with each survey's respondents copied
// from the file instead of decoded and encoded again: they are most of a
// large bundle.
func writeReview(w *bufio.Writer, buf *bytes.Buffer, enc *json.Encoder, b *bReview, respondents func(surveyID string) error) error {
	surveys := b.Surveys
	b.Surveys = nil
	buf.Reset()
	if err := enc.Encode(b); err != nil {
		return err
	}
	head := bytes.TrimRight(buf.Bytes(), "\n")
	if len(surveys) == 0 {
		w.Write(head)
		return nil
	}
	w.Write(head[:len(head)-1]) // without the closing brace
	w.WriteString(`,"surveys":[`)
	for i, sv := range surveys {
		if i > 0 {
			w.WriteByte(',')
		}
		sv.Respondents = nil
		buf.Reset()
		if err := enc.Encode(sv); err != nil {
			return err
		}
		head := bytes.TrimRight(buf.Bytes(), "\n")
		w.Write(head[:len(head)-1])
		if err := respondents(sv.ID); err != nil {
			return err
		}
		w.WriteByte('}')
	}
	w.WriteString("]}")
	return nil
}

func liveReviewIDs(ctx context.Context, tx *wtx) ([]string, error) {
	rows, err := tx.QueryContext(ctx, "SELECT id FROM reviews WHERE deleted_at IS NULL ORDER BY id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// noteMembers collects every member a review refers to, so a bundle of one
// review carries the people named in it.
func noteMembers(r *review.Review, into map[string]bool) {
	for _, id := range r.MemberIDs {
		into[id] = true
	}
	for _, m := range r.Meetings {
		for _, id := range m.Attendees {
			into[id] = true
		}
		for _, id := range m.Apologies {
			into[id] = true
		}
		for _, e := range m.Expenses {
			into[e.MemberID] = true
		}
	}
}

func bundleMembers(ctx context.Context, tx *wtx, all bool, want map[string]bool) ([]review.Member, error) {
	members, err := roster(ctx, tx)
	if err != nil || all {
		return members, err
	}
	out := members[:0]
	for _, m := range members {
		if want[m.ID] {
			out = append(out, m)
		}
	}
	return out, nil
}

// ImportReviews merges whole aggregates by ID in one transaction (the same
// merge ImportBundle uses). The example review and the synthetic large data
// are loaded this way. Respondents are included, and so are r.Members.
// Empty IDs, of reviews and of their items, are given fresh UUIDv7s written
// back into the values.
func (s *Store) ImportReviews(ctx context.Context, rs ...*review.Review) (ImportResult, error) {
	var res ImportResult
	for _, r := range rs {
		if r == nil {
			return res, &plainError{msg: "Cannot import an empty review."}
		}
		fillIDs(r)
	}
	err := s.write(ctx, "import the reviews", func(tx *wtx) error {
		res = ImportResult{}
		im, err := newImporter(ctx, tx)
		if err != nil {
			return err
		}
		defer im.close()
		for _, r := range rs {
			for i := range r.Members {
				if _, err := im.member(&r.Members[i]); err != nil {
					return err
				}
			}
			for i := range r.Measures {
				if _, err := im.measure(&r.Measures[i]); err != nil {
					return err
				}
			}
			if err := im.review(r, &res); err != nil {
				return err
			}
		}
		return im.relink()
	})
	if err != nil {
		return ImportResult{}, err
	}
	return res, nil
}

func fillIDs(r *review.Review) {
	fillID(&r.ID)
	fillPointIDs(r)
	for i := range r.Members {
		fillID(&r.Members[i].ID)
	}
	for i := range r.Meetings {
		fillID(&r.Meetings[i].ID)
	}
	for i := range r.Evidence {
		fillID(&r.Evidence[i].ID)
	}
	for i := range r.Findings {
		fillID(&r.Findings[i].ID)
	}
	for i := range r.Standards {
		fillID(&r.Standards[i].ID)
	}
	for i := range r.Surveys {
		sv := &r.Surveys[i]
		fillID(&sv.ID)
		for j := range sv.Questions {
			fillID(&sv.Questions[j].ID)
		}
		for j := range sv.Respondents.IDs {
			fillID(&sv.Respondents.IDs[j])
		}
	}
	for i := range r.Recommendations {
		rec := &r.Recommendations[i]
		fillID(&rec.ID)
		for j := range rec.SubPoints {
			fillID(&rec.SubPoints[j].ID)
		}
		fillActions(rec)
	}
	for i := range r.Criteria {
		fillID(&r.Criteria[i].ID)
	}
	for i := range r.Measures {
		m := &r.Measures[i]
		fillID(&m.ID)
		for j := range m.Results {
			fillID(&m.Results[j].ID)
		}
	}
}

// importer holds the prepared merge statements of one import transaction.
type importer struct {
	ctx   context.Context
	tx    *wtx
	stmts map[string]*sql.Stmt
	// remap maps a bundle's measure ID to the file's measure of the
	// same code, for relink.
	remap map[string]string
}

func newImporter(ctx context.Context, tx *wtx) (*importer, error) {
	im := &importer{ctx: ctx, tx: tx, stmts: map[string]*sql.Stmt{}}
	for _, q := range []string{importMeeting, importEvidence, importFinding, importStandard, importSurvey,
		importResp, importRespBatch, importRec, importCrit, importMember, importReview, importMeasure, importResult} {
		st, err := tx.PrepareContext(ctx, q)
		if err != nil {
			im.close()
			return nil, err
		}
		im.stmts[q] = st
	}
	return im, nil
}

func (im *importer) close() {
	for _, st := range im.stmts {
		st.Close()
	}
}

func (im *importer) exec(q string, args ...any) (int64, error) {
	res, err := im.stmts[q].ExecContext(im.ctx, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// item merges one list item at position pos; it reports a change.
func (im *importer) item(q, id, parent string, pos int, vals []any) (int64, error) {
	args := make([]any, 0, len(vals)+3)
	args = append(args, id, parent, pos)
	return im.exec(q, append(args, vals...)...)
}

func (im *importer) review(r *review.Review, res *ImportResult) error {
	if err := r.CheckLimits(); err != nil {
		return bundleError("the review %s: %v", reviewName(r.ID, r.Topic), err)
	}
	if err := im.checkOwners(r); err != nil {
		return err
	}
	var existed int
	if err := im.tx.QueryRowContext(im.ctx, "SELECT count(*) FROM reviews WHERE id = ?", r.ID).Scan(&existed); err != nil {
		return err
	}
	changed, err := im.exec(importReview, append([]any{r.ID, nowMs()}, reviewVals(r)...)...)
	if err != nil {
		return err
	}
	add := func(q, id, parent string, pos int, vals []any) {
		if err != nil {
			return
		}
		var n int64
		n, err = im.item(q, id, parent, pos, vals)
		changed += n
	}
	for i := range r.Meetings {
		add(importMeeting, r.Meetings[i].ID, r.ID, i, meetingVals(&r.Meetings[i]))
	}
	for i := range r.Evidence {
		add(importEvidence, r.Evidence[i].ID, r.ID, i, evidenceVals(&r.Evidence[i]))
	}
	for i := range r.Findings {
		add(importFinding, r.Findings[i].ID, r.ID, i, findingVals(&r.Findings[i]))
	}
	for i := range r.Standards {
		add(importStandard, r.Standards[i].ID, r.ID, i, standardVals(&r.Standards[i]))
	}
	for i := range r.Surveys {
		sv := &r.Surveys[i]
		add(importSurvey, sv.ID, r.ID, i, surveyVals(sv))
		if err == nil {
			var n int64
			n, err = im.respondents(sv)
			changed += n
		}
	}
	for i := range r.Recommendations {
		add(importRec, r.Recommendations[i].ID, r.ID, i, recVals(&r.Recommendations[i]))
	}
	for i := range r.Criteria {
		add(importCrit, r.Criteria[i].ID, r.ID, i, critVals(&r.Criteria[i]))
	}
	if err != nil {
		return err
	}
	res.Reviews++
	switch {
	case existed == 0:
		res.Added++
	case changed > 0:
		res.Updated++
		_, err = im.tx.ExecContext(im.ctx, "UPDATE reviews SET updated_at = ? WHERE id = ?", nowMs(), r.ID)
	default:
		res.Unchanged++
	}
	return err
}

// ImportBundle merges a bundle by ID in one transaction: importing the same
// bundle twice changes nothing. A file that is not a scrutiny bundle, or is
// from a newer version, is refused before anything is written; any error
// part-way leaves the database as it was.
func (s *Store) ImportBundle(ctx context.Context, r io.Reader) (ImportResult, error) {
	var res ImportResult
	err := s.write(ctx, "import the bundle", func(tx *wtx) error {
		res = ImportResult{}
		im, err := newImporter(ctx, tx)
		if err != nil {
			return err
		}
		defer im.close()
		if err := readBundle(ctx, io.LimitReader(r, maxBundleBytes), im, &res); err != nil {
			return err
		}
		return im.relink()
	})
	if err != nil {
		return ImportResult{}, err
	}
	return res, nil
}

// bundleSink receives what readBundle decodes and checks; the importer
// writes it to the database, the fuzz test only counts it.
type bundleSink interface {
	review(r *review.Review, res *ImportResult) error
	member(m *review.Member) (bool, error)
	measure(m *review.Measure) (bool, error)
}

func readBundle(ctx context.Context, r io.Reader, im bundleSink, res *ImportResult) error {
	br := bufio.NewReaderSize(r, 256<<10)
	// A byte-order mark, as some Windows editors save, is not damage.
	if b, err := br.Peek(3); err == nil && string(b) == "\xef\xbb\xbf" {
		br.Discard(3)
	}
	dec := json.NewDecoder(br)
	seenReview, seenMember := map[string]bool{}, map[string]bool{}
	notOurs := bundleError("it is not a scrutiny bundle (it should be a .json file exported by scrutiny)")
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return notOurs
	}
	var format string
	var version int64 = -1
	checked := false
	for dec.More() {
		t, err := dec.Token()
		key, ok := t.(string)
		if err != nil || !ok {
			return notOurs
		}
		switch key {
		case "format":
			if err := dec.Decode(&format); err != nil || format != BundleFormat {
				return notOurs
			}
			continue
		case "version":
			var n json.Number
			if err := dec.Decode(&n); err != nil {
				return notOurs
			}
			if version, err = strconv.ParseInt(string(n), 10, 64); err != nil || version < 1 {
				return notOurs
			}
			continue
		}
		if !checked {
			if format != BundleFormat || version < 1 {
				return notOurs
			}
			if version > BundleVersion {
				return bundleError("it was written by a newer version of scrutiny (bundle version %d; this copy reads up to %d). Install the newer version to import it", version, BundleVersion)
			}
			checked = true
		}
		switch key {
		case "reviews":
			err = eachElement(dec, func() error {
				var b bReview
				if err := dec.Decode(&b); err != nil {
					return jsonProblem(err)
				}
				rv, err := reviewFrom(&b)
				if err != nil {
					return err
				}
				if seenReview[rv.ID] {
					return bundleError("the review %s appears twice", reviewName(rv.ID, rv.Topic))
				}
				seenReview[rv.ID] = true
				if err := ctx.Err(); err != nil {
					return err
				}
				return im.review(rv, res)
			})
		case "members":
			err = eachElement(dec, func() error {
				var b bMember
				if err := dec.Decode(&b); err != nil {
					return jsonProblem(err)
				}
				c := &checker{where: "the members"}
				c.id("member", b.ID)
				if c.err == nil && seenMember[b.ID] {
					c.err = bundleError("the members: the member %q appears twice", b.ID)
				}
				seenMember[b.ID] = true
				m, err := memberFrom(b)
				c.fail(err)
				word(c, "role", m.Role, review.Roles)
				if len(m.Name) > review.MaxTopic || len(m.Notes) > review.MaxText {
					c.fail(fmt.Errorf("the member %s has a name or notes too long to be real", m.ID))
				}
				if c.err != nil {
					return c.err
				}
				_, err = im.member(&m)
				return err
			})
		case "measures":
			err = eachElement(dec, func() error {
				var b bMeasure
				if err := dec.Decode(&b); err != nil {
					return jsonProblem(err)
				}
				c := &checker{where: "the measures"}
				m := measureFrom(c, b)
				if c.err != nil {
					return c.err
				}
				_, err := im.measure(&m)
				if err != nil {
					var pe *plainError
					if errors.As(err, &pe) {
						return bundleError("the measures: %s", strings.TrimSuffix(pe.msg, "."))
					}
				}
				return err
			})
		default:
			// Fields a later version of format 1 may add are skipped.
			var skip json.RawMessage
			if err = dec.Decode(&skip); err != nil {
				err = jsonProblem(err)
			}
		}
		if err != nil {
			return err
		}
	}
	if !checked {
		if format != BundleFormat || version < 1 {
			return notOurs
		}
		if version > BundleVersion {
			return bundleError("it was written by a newer version of scrutiny (bundle version %d; this copy reads up to %d)", version, BundleVersion)
		}
	}
	if t, err := dec.Token(); err != nil || t != json.Delim('}') {
		return bundleError("the file is cut short or damaged")
	}
	// Whatever follows must be blank: a second bundle pasted after the
	// first, or stray text, means the file is not what it seems.
	if _, err := dec.Token(); err != io.EOF {
		return bundleError("there is more after the end of the bundle (two bundles joined into one file, or stray text): import them one at a time")
	}
	return nil
}

// eachElement calls fn for each element of the JSON array the decoder is at.
func eachElement(dec *json.Decoder, fn func() error) error {
	t, err := dec.Token()
	if err != nil {
		return jsonProblem(err)
	}
	if t == nil {
		return nil
	}
	if t != json.Delim('[') {
		return bundleError("a list was expected")
	}
	for dec.More() {
		if err := fn(); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil {
		return jsonProblem(err)
	}
	return nil
}

func jsonProblem(err error) error {
	var pe *plainError
	if errors.As(err, &pe) {
		return err
	}
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return bundleError("the file is damaged near byte %d", se.Offset)
	case errors.As(err, &te):
		return bundleError("the field %q holds the wrong kind of value", te.Field)
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return bundleError("the file is cut short")
	}
	return bundleError("%v", err)
}
