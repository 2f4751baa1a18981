package store

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"scrutiny/review"
)

// The encodings every table shares: dates, JSON lists, and the flat JSON
// objects of survey answers. The JSON shape of one table's column (an
// agenda, actions, questions) lives in that table's file, because it is
// also that part of the bundle and the two must not drift apart (see
// "Store rules" in ARCHITECTURE.md).

// convert maps a list with f; an empty list gives nil, so a loaded value
// equals the value that was saved.
func convert[A, B any](a []A, f func(A) B) []B {
	if len(a) == 0 {
		return nil
	}
	out := make([]B, len(a))
	for i, x := range a {
		out[i] = f(x)
	}
	return out
}

// parseISO reads the stored form of a date strictly ("" is unset).
func parseISO(s string) (review.Date, error) {
	if s == "" {
		return review.Date{}, nil
	}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return review.Date{}, errBadDate(s)
	}
	d, err := review.ParseDate(s)
	if err != nil || d.String() != s {
		return review.Date{}, errBadDate(s)
	}
	return d, nil
}

type errBadDate string

func (e errBadDate) Error() string {
	return strconv.Quote(string(e)) + " is not a date written as YYYY-MM-DD"
}

// js encodes v for a JSON column; empty lists become "[]".
func js(v any) string {
	b, err := json.Marshal(v)
	if err != nil || string(b) == "null" {
		return "[]"
	}
	return string(b)
}

// strList decodes a JSON list of strings; empty gives nil so a loaded
// value equals the value that was saved.
func strList(s string) ([]string, error) {
	if s == "" || s == "[]" || s == "null" {
		return nil, nil
	}
	if out, ok := fastStrList(s); ok {
		return out, nil
	}
	var out []string
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}

// unjs decodes a JSON column into v; empty values leave v alone.
func unjs(s string, v any) error {
	if s == "" || s == "[]" || s == "{}" || s == "null" {
		return nil
	}
	return json.Unmarshal([]byte(s), v)
}

// flatMap encodes a map of strings as a JSON object with sorted keys. It is
// the hot path for survey answers, so it avoids reflection.
func flatMap(m map[string]string) string {
	if len(m) == 0 {
		return "{}"
	}
	return string(appendFlat(nil, m, nil))
}

// appendFlat appends m as a JSON object with sorted keys. order, when not
// nil, remembers the sorted keys between calls: the respondents of one
// survey almost always answer the same questions, so the sort is skipped
// whenever the keys are the same as last time.
func appendFlat(b []byte, m map[string]string, order *[]string) []byte {
	if len(m) == 0 {
		return append(b, "{}"...)
	}
	start := len(b)
	if order != nil && len(*order) == len(m) {
		b = append(b, '{')
		ok := true
		for i, k := range *order {
			v, has := m[k]
			if !has {
				ok = false
				break
			}
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, k)
			b = append(b, ':')
			b = appendJSONString(b, v)
		}
		if ok {
			return append(b, '}')
		}
		b = b[:start]
	}
	var keys []string
	if order != nil {
		keys = (*order)[:0]
	}
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if order != nil {
		*order = keys
	}
	b = append(b, '{')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, k)
		b = append(b, ':')
		b = appendJSONString(b, m[k])
	}
	return append(b, '}')
}

func appendJSONString(b []byte, s string) []byte {
	if plainJSON(s) {
		b = append(b, '"')
		b = append(b, s...)
		return append(b, '"')
	}
	q, _ := json.Marshal(s)
	return append(b, q...)
}

// plainJSON reports whether s can be written between quotes as it is.
func plainJSON(s string) bool {
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == '"' || c == '\\' {
			return false
		}
		if c >= 0x80 {
			ascii = false
		}
	}
	return ascii || utf8.ValidString(s)
}

// walkFlat calls set for each key and value of a flat JSON object of
// strings, as flatMap writes them. Objects without escapes are read in
// place; anything else goes through encoding/json.
func walkFlat(b []byte, set func(key, value []byte)) error {
	if len(b) == 0 || string(b) == "{}" {
		return nil
	}
	if bytes.IndexByte(b, '\\') < 0 && walkFast(b, set) {
		return nil
	}
	var m map[string]string
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	keys := slices.Sorted(maps.Keys(m))
	for _, k := range keys {
		set([]byte(k), []byte(m[k]))
	}
	return nil
}

// keyCache reads objects that mostly have the keys of the one before, as
// a survey's respondents do: a key found where the previous object had it
// is matched by comparing bytes, without searching for its closing quote.
type keyCache struct{ keys [][]byte } // `"key":"` as stored

func (kc *keyCache) walk(b []byte, set func(key, value []byte)) error {
	if len(b) < 2 || b[0] != '{' || b[len(b)-1] != '}' || bytes.IndexByte(b, '\\') >= 0 {
		return walkFlat(b, set)
	}
	i, n := 1, 0
	for i < len(b)-1 {
		var k []byte
		if n < len(kc.keys) && bytes.HasPrefix(b[i:], kc.keys[n]) {
			k = kc.keys[n][1 : len(kc.keys[n])-3]
			i += len(kc.keys[n]) - 1
		} else {
			_, j, ok := quoted(b, i)
			if !ok || j+1 >= len(b) || b[j] != ':' || b[j+1] != '"' {
				return walkFlat(b, set)
			}
			kc.keys = append(kc.keys[:n], append([]byte(nil), b[i:j+2]...))
			k = kc.keys[n][1 : len(kc.keys[n])-3]
			i = j + 1
		}
		n++
		v, j, ok := quoted(b, i)
		if !ok {
			return walkFlat(b, set)
		}
		set(k, v)
		i = j
		if i < len(b)-1 {
			if b[i] != ',' {
				return walkFlat(b, set)
			}
			i++
		}
	}
	return nil
}

// walkFast reads an object without escapes; false means it was not one.
// A value set before that is set again by the slow path, and a later
// value for the same key wins.
func walkFast(b []byte, set func(key, value []byte)) bool {
	if len(b) < 2 || b[0] != '{' || b[len(b)-1] != '}' {
		return false
	}
	i := 1
	for i < len(b)-1 {
		k, j, ok := quoted(b, i)
		if !ok || j >= len(b) || b[j] != ':' {
			return false
		}
		v, j2, ok := quoted(b, j+1)
		if !ok {
			return false
		}
		set(k, v)
		i = j2
		if i < len(b)-1 {
			if b[i] != ',' {
				return false
			}
			i++
		}
	}
	return true
}

// quoted reads a "..." string without escapes starting at b[i]; it returns
// the contents and the index after the closing quote.
func quoted(b []byte, i int) ([]byte, int, bool) {
	if i >= len(b) || b[i] != '"' {
		return nil, 0, false
	}
	j := bytes.IndexByte(b[i+1:], '"')
	if j < 0 {
		return nil, 0, false
	}
	return b[i+1 : i+1+j], i + 2 + j, true
}

// fastStrList decodes ["a","b"] when no string holds an escape, which is
// every list of IDs; anything else falls back to encoding/json.
func fastStrList(s string) ([]string, bool) {
	if len(s) < 4 || s[0] != '[' || s[len(s)-1] != ']' || strings.IndexByte(s, '\\') >= 0 {
		return nil, false
	}
	out := make([]string, 0, strings.Count(s, `","`)+1)
	i := 1
	for i < len(s)-1 {
		if s[i] != '"' {
			return nil, false
		}
		j := strings.IndexByte(s[i+1:], '"')
		if j < 0 {
			return nil, false
		}
		out = append(out, s[i+1:i+1+j])
		i += j + 2
		if i < len(s)-1 {
			if s[i] != ',' {
				return nil, false
			}
			i++
		}
	}
	return out, true
}
