package review

import (
	"reflect"
	"testing"
)

// However respondents are put into columns, the same answers give the
// same value, and every person reads back as they went in.
func TestRespondentsColumns(t *testing.T) {
	list := []Respondent{
		{ID: "a", Attrs: map[string]string{"contact method": "phone"}, Answers: map[string]string{"q2": "7", "q1": "yes"}},
		{ID: "b", Answers: map[string]string{"q1": "no"}},
		{ID: "c", Attrs: map[string]string{"area": "north"}, Answers: map[string]string{"q2": "7", "q3": ""}},
		{ID: "d"},
	}
	rs := RespondentsFrom(list)
	if rs.Len() != 4 || len(rs.AnswerCols) != 2 || rs.AnswerCols[0].Key != "q1" || len(rs.AttrCols) != 2 {
		t.Fatalf("columns %+v", rs)
	}
	want := []Respondent{list[0], list[1], {ID: "c", Attrs: list[2].Attrs, Answers: map[string]string{"q2": "7"}}, {ID: "d"}}
	if got := rs.List(); !reflect.DeepEqual(got, want) {
		t.Fatalf("rows\n got %#v\nwant %#v", got, want)
	}
	if rs.Answer(2, "q2") != "7" || rs.Answer(1, "q2") != "" || rs.Answer(0, "none") != "" || rs.Attr(2, "area") != "north" {
		t.Fatal("cell look-ups")
	}

	// One at a time, and from coded columns given in another order.
	var one Respondents
	for _, r := range list {
		one.Append(r)
	}
	if !reflect.DeepEqual(one, rs) {
		t.Fatalf("appended\n got %#v\nwant %#v", one, rs)
	}
	q1 := NewColumn("q1", []string{"", "no", "yes"}, []uint32{2, 1, 0, 0})
	q2 := NewColumn("q2", []string{"", "7"}, []uint32{1, 0, 1, 0})
	empty := NewColumn("q3", []string{"", "unused"}, []uint32{0, 0, 0, 0})
	cm := NewColumn("contact method", []string{"", "phone"}, []uint32{1, 0, 0, 0})
	area := NewColumn("area", []string{"", "north"}, []uint32{0, 0, 1, 0})
	coded := NewRespondents([]string{"a", "b", "c", "d"}, []Column{cm, area}, []Column{q2, empty, q1})
	if !reflect.DeepEqual(coded, rs) {
		t.Fatalf("coded\n got %#v\nwant %#v", coded, rs)
	}

	// A copy made before an append keeps what it had.
	before := rs
	rs.Append(Respondent{ID: "e", Answers: map[string]string{"q1": "yes"}})
	if before.Len() != 4 || rs.Len() != 5 || rs.Answer(4, "q1") != "yes" || len(before.AnswerCols[0].Codes) != 4 {
		t.Fatal("append changed the earlier copy")
	}
}

// A column with many distinct values (written comments) switches from a
// scan to an index and still numbers values by first use.
func TestRespondentsManyValues(t *testing.T) {
	b := NewRespondentsBuilder(0)
	for i := range 100 {
		b.Next(itoa(i))
		b.Answer([]byte("q"), []byte(itoa(i%40)))
	}
	rs := b.Done()
	c := rs.AnswerColumn("q")
	if len(c.Values) != 41 || c.Values[1] != "0" || c.Value(99) != "19" || c.Codes[45] != 6 {
		t.Fatalf("column %v", c.Values)
	}
}
