package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unsafe"

	"scrutiny/review"
)

// Respondent blocks (migration 8) keep up to blockSize respondents of one
// survey in one row, column by column, so a survey of 100,000 people is
// about 25 rows of a few hundred kilobytes rather than 100,000 rows with a
// keyed JSON object each. A survey's respondents are its blocks in
// position order, then its live rows in the respondents table (people
// typed in one at a time, and everything written before migration 8).
//
// One block's data:
//
//	format   byte (blockFormat)
//	n        uvarint: respondents in the block
//	idForm   byte: 1 when every ID is a lower-case UUID, stored as 16
//	         bytes; 0 when they are strings (uvarint length, bytes)
//	ids      n of them
//	attrs    columns (below): the respondents' attributes
//	answers  columns: the answers, keyed by question ID
//
// columns is a uvarint count, then per column in key order: its key
// (uvarint length, bytes), how many distinct values it has in the block
// (uvarint k; a column with none is left out), the k values (uvarint
// length, bytes, none of them ""), a byte w (1, 2 or 4), then n codes of w
// bytes each, little-endian: 0 for no value, i for the i-th value.

// blockSize is how many respondents one block holds at most: large enough
// that a block costs SQLite one row per several thousand people, small
// enough that no single value in the file grows past a few hundred
// kilobytes and an export never holds more than one block decoded.
const blockSize = 4096

const blockFormat = 1

var (
	qBlocks        = hot("SELECT n, data FROM respondent_blocks WHERE survey_id = ? ORDER BY position")
	qBlockTotal    = hot("SELECT count(*), COALESCE(sum(n), 0) FROM respondent_blocks WHERE survey_id = ?")
	insertBlockSQL = "INSERT INTO respondent_blocks (survey_id, position, n, data) VALUES (?, ?, ?, ?)"
)

var errBlock = errors.New("a block of survey answers is damaged")

// blockCol is one column of one block while it is written: vals[0] is ""
// and every other value is used by some respondent of the block.
type blockCol struct {
	key   string
	vals  []string
	codes []uint32
}

// appendBlock encodes one block of len(ids) respondents.
func appendBlock(b []byte, ids []string, attrs, answers []blockCol) []byte {
	b = append(b, blockFormat)
	b = binary.AppendUvarint(b, uint64(len(ids)))
	uuids := true
	for _, id := range ids {
		if !isLowerUUID(id) {
			uuids = false
			break
		}
	}
	if uuids {
		b = append(b, 1)
		for _, id := range ids {
			b = appendUUIDBytes(b, id)
		}
	} else {
		b = append(b, 0)
		for _, id := range ids {
			b = appendBlockString(b, id)
		}
	}
	b = appendBlockCols(b, attrs)
	return appendBlockCols(b, answers)
}

func appendBlockCols(b []byte, cols []blockCol) []byte {
	n := 0
	for i := range cols {
		if len(cols[i].vals) > 1 {
			n++
		}
	}
	b = binary.AppendUvarint(b, uint64(n))
	for i := range cols {
		c := &cols[i]
		if len(c.vals) <= 1 {
			continue
		}
		b = appendBlockString(b, c.key)
		b = binary.AppendUvarint(b, uint64(len(c.vals)-1))
		for _, v := range c.vals[1:] {
			b = appendBlockString(b, v)
		}
		w := codeWidth(len(c.vals))
		b = append(b, byte(w))
		switch w {
		case 1:
			for _, code := range c.codes {
				b = append(b, byte(code))
			}
		case 2:
			for _, code := range c.codes {
				b = binary.LittleEndian.AppendUint16(b, uint16(code))
			}
		default:
			for _, code := range c.codes {
				b = binary.LittleEndian.AppendUint32(b, code)
			}
		}
	}
	return b
}

// codeWidth is the bytes per code for a column of nvals values ("" included).
func codeWidth(nvals int) int {
	switch {
	case nvals <= 1<<8:
		return 1
	case nvals <= 1<<16:
		return 2
	}
	return 4
}

func appendBlockString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

const hexDigits = "0123456789abcdef"

// isLowerUUID reports whether id is a UUID written as appendUUIDText
// writes it back: 36 characters, lower-case hex, dashes in their places.
func isLowerUUID(id string) bool {
	if len(id) != 36 {
		return false
	}
	for i := 0; i < 36; i++ {
		c := id[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
				return false
			}
		}
	}
	return true
}

func unhex(c byte) byte {
	if c <= '9' {
		return c - '0'
	}
	return c - 'a' + 10
}

func appendUUIDBytes(b []byte, id string) []byte {
	for i := 0; i < 36; i += 2 {
		if id[i] == '-' {
			i--
			continue
		}
		b = append(b, unhex(id[i])<<4|unhex(id[i+1]))
	}
	return b
}

func appendUUIDText(b []byte, u []byte) []byte {
	for i, x := range u[:16] {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			b = append(b, '-')
		}
		b = append(b, hexDigits[x>>4], hexDigits[x&15])
	}
	return b
}

// blockView is one block read in place: every slice points into the
// stored bytes, and is reused from one block to the next.
type blockView struct {
	n     int
	uuids []byte   // n*16 bytes when the IDs are UUIDs
	ids   [][]byte // otherwise the IDs
	cols  [2][]viewCol
}

type viewCol struct {
	key   []byte
	vals  [][]byte // vals[0] is nil: no value
	width int
	raw   []byte // n codes of width bytes
}

func (c *viewCol) code(i int) uint32 {
	switch c.width {
	case 1:
		return uint32(c.raw[i])
	case 2:
		return uint32(binary.LittleEndian.Uint16(c.raw[2*i:]))
	}
	return binary.LittleEndian.Uint32(c.raw[4*i:])
}

// blockReader walks the stored bytes of a block, failing on anything that
// does not fit instead of reading past the end.
type blockReader struct {
	b   []byte
	bad bool
}

func (r *blockReader) uvarint(limit uint64) int {
	v, k := binary.Uvarint(r.b)
	if k <= 0 || v > limit {
		r.bad = true
		r.b = nil
		return 0
	}
	r.b = r.b[k:]
	return int(v)
}

func (r *blockReader) bytes(n int) []byte {
	if r.bad || n > len(r.b) {
		r.bad = true
		r.b = nil
		return nil
	}
	out := r.b[:n:n]
	r.b = r.b[n:]
	return out
}

func (r *blockReader) str() []byte { return r.bytes(r.uvarint(uint64(len(r.b)))) }

// parse reads data into v, checking every length, every code and that
// keys are in order, so that what it hands on can be used without checks.
func (v *blockView) parse(data []byte) error {
	r := blockReader{b: data}
	if f := r.bytes(1); r.bad || f[0] != blockFormat {
		return errBlock
	}
	v.n = r.uvarint(blockSize)
	form := r.bytes(1)
	if r.bad {
		return errBlock
	}
	v.uuids, v.ids = nil, v.ids[:0]
	switch form[0] {
	case 1:
		v.uuids = r.bytes(16 * v.n)
	case 0:
		for range v.n {
			id := r.str()
			if len(id) == 0 {
				r.bad = true
			}
			if r.bad {
				break
			}
			v.ids = append(v.ids, id)
		}
	default:
		return errBlock
	}
	for k := range v.cols {
		cols := v.cols[k][:0]
		ncols := r.uvarint(uint64(len(r.b)))
		for j := 0; j < ncols && !r.bad; j++ {
			var c viewCol
			if j < cap(cols) {
				c = cols[:j+1][j]
			}
			c.key = r.str()
			if r.bad || len(c.key) == 0 || (j > 0 && string(cols[j-1].key) >= string(c.key)) {
				return errBlock
			}
			nv := r.uvarint(uint64(v.n))
			c.vals = append(c.vals[:0], nil)
			for range nv {
				s := r.str()
				if r.bad || len(s) == 0 {
					return errBlock
				}
				c.vals = append(c.vals, s)
			}
			w := r.bytes(1)
			if r.bad || (w[0] != 1 && w[0] != 2 && w[0] != 4) {
				return errBlock
			}
			c.width = int(w[0])
			c.raw = r.bytes(c.width * v.n)
			if r.bad {
				return errBlock
			}
			for i := range v.n {
				if c.code(i) > uint32(nv) {
					return errBlock
				}
			}
			cols = append(cols, c)
		}
		v.cols[k] = cols
	}
	if r.bad || len(r.b) != 0 {
		return errBlock
	}
	return nil
}

// id appends respondent i's ID to b.
func (v *blockView) id(b []byte, i int) []byte {
	if v.uuids != nil {
		return appendUUIDText(b, v.uuids[16*i:])
	}
	return append(b, v.ids[i]...)
}

// blockLoader adds blocks to a RespondentsBuilder.
type blockLoader struct {
	b     *review.RespondentsBuilder
	view  blockView
	ids   []string
	codes []uint32
	// The IDs share one buffer, only ever appended to, so each ID can be
	// a string over its bytes: an old buffer left by growing stays as it
	// was for the strings that point into it.
	idBuf []byte
}

func (l *blockLoader) add(data []byte) error {
	v := &l.view
	if err := v.parse(data); err != nil {
		return err
	}
	l.ids = l.ids[:0]
	for i := range v.n {
		lo := len(l.idBuf)
		l.idBuf = v.id(l.idBuf, i)
		l.ids = append(l.ids, unsafe.String(unsafe.SliceData(l.idBuf[lo:]), len(l.idBuf)-lo))
	}
	l.b.AddIDs(l.ids...)
	for k, cols := range v.cols {
		for j := range cols {
			c := &cols[j]
			l.codes = l.codes[:0]
			for i := range v.n {
				l.codes = append(l.codes, c.code(i))
			}
			l.b.AddRun(k == 0, c.key, c.vals, l.codes)
		}
	}
	return nil
}

// loadBlocks adds survey svID's blocks to l.
func loadBlocks(ctx context.Context, tx *wtx, svID string, l *blockLoader) error {
	var data sql.RawBytes
	var n int
	return each(ctx, tx, qBlocks, svID, func(rows *sql.Rows) error {
		if err := rows.Scan(&n, &data); err != nil {
			return err
		}
		if err := l.add(data); err != nil {
			return err
		}
		if l.view.n != n {
			return errBlock
		}
		return nil
	})
}

// blockTotal is how many blocks survey svID has, and how many people
// they hold.
func blockTotal(ctx context.Context, tx *wtx, svID string) (blocks, people int, err error) {
	err = tx.QueryRowContext(ctx, qBlockTotal, svID).Scan(&blocks, &people)
	return
}

// blockJSON writes the people of a block as the bundle's respondent
// objects: the bytes encoding/json gives for bRespondent, which is what
// copying a stored row gives for the same person.
type blockJSON struct {
	view blockView
	// Each column's key and values as JSON, made once per block: the
	// people are then copies of those bytes.
	cols    [2][]colJSON
	id, esc []byte
}

type colJSON struct {
	key  []byte
	vals [][]byte
}

// objects appends the block's respondents to out, separated by commas.
func (bj *blockJSON) objects(out, data []byte, count int) ([]byte, error) {
	view := &bj.view
	if err := view.parse(data); err != nil || view.n != count {
		return out, badColumn(errBlock)
	}
	for k, cols := range view.cols {
		bj.cols[k] = bj.cols[k][:0]
		for j := range cols {
			c := colJSON{key: append(appendJSONString(nil, bytesString(cols[j].key)), ':')}
			for _, v := range cols[j].vals {
				c.vals = append(c.vals, appendJSONString(nil, bytesString(v)))
			}
			bj.cols[k] = append(bj.cols[k], c)
		}
	}
	for i := range view.n {
		if i > 0 {
			out = append(out, ',')
		}
		bj.id = view.id(bj.id[:0], i)
		out = append(out, `{"id":`...)
		out = appendJSONString(out, bytesString(bj.id))
		for k, name := range [2]string{`,"attrs":{`, `,"answers":{`} {
			first := true
			for j := range view.cols[k] {
				code := view.cols[k][j].code(i)
				if code == 0 {
					continue
				}
				if first {
					out = append(out, name...)
					first = false
				} else {
					out = append(out, ',')
				}
				out = append(out, bj.cols[k][j].key...)
				out = append(out, bj.cols[k][j].vals[code]...)
			}
			if !first {
				out = append(out, '}')
			}
		}
		out = append(out, '}')
	}
	return out, nil
}

// sendBlocks hands the stored bytes of survey svID's blocks to send, in
// order, each a copy it may keep.
func sendBlocks(ctx context.Context, tx *wtx, svID string, send func(exportPiece) bool) error {
	var data sql.RawBytes
	var count int
	return each(ctx, tx, qBlocks, svID, func(rows *sql.Rows) error {
		if err := rows.Scan(&count, &data); err != nil {
			return err
		}
		if !send(exportPiece{block: bytes.Clone(data), n: count}) {
			return errExportStopped
		}
		return nil
	})
}

func bytesString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// blockWriter writes a survey's respondents as blocks from position 0.
type blockWriter struct {
	ctx   context.Context
	tx    *wtx
	svID  string
	stmt  *sql.Stmt
	buf   []byte
	cols  [2][]blockCol
	remap []int32
	pos   int
}

func newBlockWriter(ctx context.Context, tx *wtx, svID string) (*blockWriter, error) {
	st, err := tx.PrepareContext(ctx, insertBlockSQL)
	if err != nil {
		return nil, err
	}
	return &blockWriter{ctx: ctx, tx: tx, svID: svID, stmt: st}, nil
}

func (w *blockWriter) close() { w.stmt.Close() }

func (w *blockWriter) put(ids []string) error {
	w.buf = appendBlock(w.buf[:0], ids, w.cols[0], w.cols[1])
	// A cancelled import stops between blocks: the driver would watch a
	// context with a goroutine per statement, and close the statement
	// under a cancelled one.
	if err := w.ctx.Err(); err != nil {
		return err
	}
	if _, err := w.stmt.ExecContext(context.WithoutCancel(w.ctx), w.svID, w.pos, len(ids), w.buf); err != nil {
		return err
	}
	w.pos += len(ids)
	return nil
}

// slots returns kind k's column slots, n of them, emptied for reuse.
func (w *blockWriter) slots(k, n int) []blockCol {
	cols := w.cols[k]
	for len(cols) < n {
		cols = append(cols, blockCol{})
	}
	cols = cols[:n]
	for i := range cols {
		cols[i].vals = append(cols[i].vals[:0], "")
		cols[i].codes = cols[i].codes[:0]
	}
	w.cols[k] = cols
	return cols
}

// writeColumns stores rs as blocks.
func (w *blockWriter) writeColumns(rs *review.Respondents) error {
	for lo := 0; lo < rs.Len(); lo += blockSize {
		hi := min(lo+blockSize, rs.Len())
		for k, src := range [2][]review.Column{rs.AttrCols, rs.AnswerCols} {
			dst := w.slots(k, len(src))
			for j := range src {
				c, d := &src[j], &dst[j]
				d.key = c.Key
				if cap(w.remap) < len(c.Values) {
					w.remap = make([]int32, len(c.Values))
				}
				remap := w.remap[:len(c.Values)]
				for i := range remap {
					remap[i] = -1
				}
				remap[0] = 0
				for _, code := range c.Codes[lo:hi] {
					local := remap[code]
					if local < 0 {
						local = int32(len(d.vals))
						remap[code] = local
						d.vals = append(d.vals, c.Values[code])
					}
					d.codes = append(d.codes, uint32(local))
				}
			}
		}
		if err := w.put(rs.IDs[lo:hi]); err != nil {
			return err
		}
	}
	return nil
}

// localDict numbers one column's values within a block.
type localDict struct {
	index map[string]uint32
}

// shortDict is how many values are compared one by one before a column
// of a block is given a hash index.
const shortDict = 16

func (d *localDict) code(c *blockCol, v string) uint32 {
	if v == "" {
		return 0
	}
	if d.index == nil {
		for i := 1; i < len(c.vals); i++ {
			if c.vals[i] == v {
				return uint32(i)
			}
		}
		if len(c.vals) > shortDict {
			d.index = make(map[string]uint32, 2*len(c.vals))
			for i, s := range c.vals[1:] {
				d.index[s] = uint32(i + 1)
			}
		}
	} else if i, ok := d.index[v]; ok {
		return i
	}
	c.vals = append(c.vals, v)
	code := uint32(len(c.vals) - 1)
	if d.index != nil {
		d.index[v] = code
	}
	return code
}

// writeRows stores rows as blocks; ids, when not nil, gives the IDs (empty
// ones are made and filled in).
func (w *blockWriter) writeRows(rows *RespondentRows, ids []string) error {
	var order [2][]int // each kind's keys in sorted order
	for k, keys := range [2][]string{rows.AttrKeys, rows.AnswerKeys} {
		o := make([]int, len(keys))
		for i := range o {
			o[i] = i
		}
		slices.SortFunc(o, func(a, b int) int { return strings.Compare(keys[a], keys[b]) })
		for j := 1; j < len(o); j++ {
			if keys[o[j-1]] == keys[o[j]] {
				return fmt.Errorf("store: the name %q is given twice", keys[o[j]])
			}
		}
		order[k] = o
	}
	vals := [2][]string{make([]string, len(rows.AttrKeys)), make([]string, len(rows.AnswerKeys))}
	dicts := [2][]localDict{make([]localDict, len(rows.AttrKeys)), make([]localDict, len(rows.AnswerKeys))}
	idGen := newIDMaker()
	var idBuf []byte
	blockIDs := make([]string, 0, min(rows.N, blockSize))
	for lo := 0; lo < rows.N; lo += blockSize {
		hi := min(lo+blockSize, rows.N)
		for k, keys := range [2][]string{rows.AttrKeys, rows.AnswerKeys} {
			dst := w.slots(k, len(keys))
			for j, i := range order[k] {
				dst[j].key = keys[i]
				dicts[k][j].index = nil
			}
		}
		blockIDs = blockIDs[:0]
		idBuf = idBuf[:0]
		for i := lo; i < hi; i++ {
			clear(vals[0])
			clear(vals[1])
			rows.Row(i, vals[0], vals[1])
			for k := range vals {
				cols := w.cols[k]
				for j, src := range order[k] {
					c := &cols[j]
					c.codes = append(c.codes, dicts[k][j].code(c, vals[k][src]))
				}
			}
			if ids != nil && ids[i] != "" {
				blockIDs = append(blockIDs, ids[i])
				continue
			}
			start := len(idBuf)
			idBuf = idGen.append(idBuf)
			blockIDs = append(blockIDs, string(idBuf[start:]))
			if ids != nil {
				ids[i] = blockIDs[len(blockIDs)-1]
			}
		}
		if err := w.put(blockIDs); err != nil {
			return err
		}
	}
	return w.ctx.Err()
}

// intoBlocks saves the people of rs whose ID is already in one of survey
// svID's blocks there (the file would otherwise hold them twice), and
// returns the places in rs of the others, in order, for the caller to
// save as rows.
func intoBlocks(ctx context.Context, tx *wtx, svID string, rs []review.Respondent) ([]int, error) {
	all := make([]int, len(rs))
	for i := range all {
		all[i] = i
	}
	blocks, _, err := blockTotal(ctx, tx, svID)
	if err != nil || blocks == 0 {
		return all, err
	}
	var given []review.Respondent
	for i := range rs {
		if rs[i].ID != "" {
			given = append(given, rs[i])
		}
	}
	if len(given) == 0 {
		return all, nil
	}
	in := review.RespondentsFrom(given)
	_, rest, err := mergeBlocks(ctx, tx, svID, &in)
	if err != nil {
		return nil, err
	}
	left := make(map[string]bool, len(rest))
	for _, r := range rest {
		left[r.ID] = true
	}
	keep := all[:0]
	for i := range rs {
		if rs[i].ID == "" || left[rs[i].ID] {
			keep = append(keep, i)
		}
	}
	return keep, nil
}

// loadBlockRespondents reads only survey svID's blocks.
func loadBlockRespondents(ctx context.Context, tx *wtx, svID string) (review.Respondents, error) {
	_, people, err := blockTotal(ctx, tx, svID)
	if err != nil {
		return review.Respondents{}, err
	}
	b := review.NewRespondentsBuilder(people)
	l := &blockLoader{b: b, idBuf: make([]byte, 0, 36*people)}
	if err := loadBlocks(ctx, tx, svID, l); err != nil {
		return review.Respondents{}, err
	}
	return b.Done(), nil
}

// mergeBlocks merges in into survey svID's blocks by ID: a person already
// in a block takes in's values, and the blocks are written again when any
// of them changed. The people of in not in any block are returned, for
// the caller to merge as rows. It returns how many people changed.
func mergeBlocks(ctx context.Context, tx *wtx, svID string, in *review.Respondents) (int64, []review.Respondent, error) {
	cur, err := loadBlockRespondents(ctx, tx, svID)
	if err != nil {
		return 0, nil, err
	}
	// A bundle exported from this file and imported again is this.
	if sameRespondents(&cur, in) {
		return 0, nil, nil
	}
	at := make(map[string]int, cur.Len())
	for i, id := range cur.IDs {
		at[id] = i
	}
	var list []review.Respondent
	var rest []review.Respondent
	var changed int64
	for i := range in.Len() {
		r := in.Row(i)
		j, ok := at[r.ID]
		if !ok {
			rest = append(rest, r)
			continue
		}
		if list == nil {
			list = cur.List()
		}
		if !sameRespondent(list[j], r) {
			list[j] = r
			changed++
		}
	}
	if changed == 0 {
		return 0, rest, nil
	}
	merged := review.RespondentsFrom(list)
	if _, err := tx.ExecContext(ctx, "DELETE FROM respondent_blocks WHERE survey_id = ?", svID); err != nil {
		return 0, nil, err
	}
	bw, err := newBlockWriter(ctx, tx, svID)
	if err != nil {
		return 0, nil, err
	}
	defer bw.close()
	return changed, rest, bw.writeColumns(&merged)
}

// sameRespondents reports whether a and b are the same people with the
// same values in the same order (both are canonical, so equal sets are
// equal values).
func sameRespondents(a, b *review.Respondents) bool {
	if !slices.Equal(a.IDs, b.IDs) {
		return false
	}
	same := func(x, y []review.Column) bool {
		return slices.EqualFunc(x, y, func(c, d review.Column) bool {
			return c.Key == d.Key && slices.Equal(c.Values, d.Values) && slices.Equal(c.Codes, d.Codes)
		})
	}
	return same(a.AttrCols, b.AttrCols) && same(a.AnswerCols, b.AnswerCols)
}

func sameRespondent(a, b review.Respondent) bool {
	return maps.Equal(a.Attrs, b.Attrs) && maps.Equal(a.Answers, b.Answers)
}
