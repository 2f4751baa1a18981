package review

import (
	"strings"
	"testing"
)

// The first pair is the table's header, so no renderer shows an empty bar
// above the report's opening table.
func TestKeyValueTableHasNoEmptyHeader(t *testing.T) {
	got := KeyValueTable([][2]string{{"Scrutiny topic", "Repairs"}, {"Board", "2 May 2019"}})
	want := "| Scrutiny topic | Repairs |\n|---|---|\n| Board | 2 May 2019 |"
	if got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
	if KeyValueTable(nil) != "" {
		t.Error("no rows should give no table")
	}
	for _, md := range []string{string(Render(&Review{Topic: "Repairs"})), mustMinutes(t)} {
		if strings.Contains(md, "| | |") {
			t.Errorf("an empty header row is still written:\n%s", md)
		}
	}
}

func mustMinutes(t *testing.T) string {
	r := &Review{Topic: "Repairs", Meetings: []Meeting{{ID: "m1", Venue: "Hall"}}}
	b, err := RenderMinutes(r, "m1")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
