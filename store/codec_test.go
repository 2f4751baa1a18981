package store

import (
	"encoding/json"
	"reflect"
	"testing"
)

func TestFlatMapRoundTrip(t *testing.T) {
	cases := []map[string]string{
		nil,
		{"q1": "7"},
		{"a": `quote " and \ backslash`, "b": "line\nbreak", "c": "<&>", "d": "emoji 🏠", "": "empty key", "e": `","`},
		{"bad utf8": "\xff\xfe"},
	}
	for _, m := range cases {
		s := flatMap(m)
		if !json.Valid([]byte(s)) {
			t.Fatalf("flatMap(%q) = %s is not JSON", m, s)
		}
		var got map[string]string
		err := walkFlat([]byte(s), func(k, v []byte) {
			if got == nil {
				got = map[string]string{}
			}
			got[string(k)] = string(v)
		})
		if err != nil {
			t.Fatal(err)
		}
		want := m
		if _, bad := m["bad utf8"]; bad {
			want = map[string]string{"bad utf8": "\ufffd\ufffd"}
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("round trip of %q gave %q", want, got)
		}
	}
}

func TestStrList(t *testing.T) {
	for _, want := range [][]string{nil, {""}, {"a"}, {"a", "b,c", `"x"`, `\`}, {"01a2-x", "π"}} {
		got, err := strList(js(want))
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("strList(js(%q)) = %q, %v", want, got, err)
		}
	}
	if _, err := strList(`["a",`); err == nil {
		t.Fatal("broken list accepted")
	}
}

// The key cache reads objects whose keys change from one to the next, and
// ones it cannot read in place, the same as walkFlat.
func TestKeyCacheWalk(t *testing.T) {
	objects := []string{
		`{"q1":"7","q2":"yes"}`,
		`{"q1":"8","q2":"no"}`,
		`{"q1":"9"}`,
		`{"q2":"yes","q3":"x"}`,
		`{"q10":"1","q2":"no"}`,
		`{"q1":"a \"quoted\" answer","q2":"yes"}`,
		`{"q1" : "spaced", "q2":"no"}`,
		`{}`,
		`{"q1":"7","q2":"yes"}`,
	}
	var kc keyCache
	for _, o := range objects {
		want, got := map[string]string{}, map[string]string{}
		if err := walkFlat([]byte(o), func(k, v []byte) { want[string(k)] = string(v) }); err != nil {
			t.Fatal(err)
		}
		if err := kc.walk([]byte(o), func(k, v []byte) { got[string(k)] = string(v) }); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %q, want %q", o, got, want)
		}
	}
	if err := kc.walk([]byte(`{"q1":`), func(k, v []byte) {}); err == nil {
		t.Error("a damaged object was read without an error")
	}
}
