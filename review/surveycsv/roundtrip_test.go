package surveycsv

import (
	"bytes"
	"encoding/csv"
	"math/rand"
	"strconv"
	"strings"
	"testing"

	"scrutiny/review"
)

// Property: a survey written out as a CSV file, in any of the shapes tools
// produce (comma or semicolon, BOM or not, CRLF or LF, labels or numbers),
// reads back to the same answers.
func TestRoundTripRandomSurveys(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	methods := []string{"Phone", "Email", "In person", "Web chat"}
	sat := DefaultLabelSets[0].Names
	for iter := 0; iter < 200; iter++ {
		rows := 30 + rng.Intn(60)
		delim := []rune{',', ';'}[rng.Intn(2)]
		labels := rng.Intn(2) == 0
		var buf bytes.Buffer
		if rng.Intn(2) == 0 {
			buf.WriteString("\uFEFF")
		}
		w := csv.NewWriter(&buf)
		w.Comma = delim
		w.UseCRLF = rng.Intn(2) == 0
		w.Write([]string{"Contact method", "Ease (1-10)", "How satisfied were you?", "Use web chat?", "Comments"})
		type want struct{ method, ease, sat, yn, text string }
		var wants []want
		for r := 0; r < rows; r++ {
			x := want{method: methods[rng.Intn(len(methods))]}
			switch k := rng.Intn(12); {
			case k == 0:
			case k == 1:
				x.ease = "Don't know"
			default:
				x.ease = strconv.Itoa(1 + rng.Intn(10))
			}
			p := 1 + rng.Intn(5)
			x.sat = strconv.Itoa(p)
			written := x.sat
			if labels {
				written = sat[p-1]
				if rng.Intn(3) == 0 {
					written = strings.ToUpper(written)
				}
			}
			x.yn = []string{"Yes", "No", "N/A"}[rng.Intn(3)]
			if rng.Intn(3) == 0 {
				x.text = "said \"call back\"; nobody did,\nthen " + strconv.Itoa(rng.Intn(1000))
			}
			w.Write([]string{x.method, x.ease, written, x.yn, x.text})
			wants = append(wants, x)
		}
		w.Flush()
		p, err := Read(bytes.NewReader(buf.Bytes()), Options{})
		if err != nil {
			t.Fatalf("iteration %d: %v", iter, err)
		}
		if !p.OK() || p.Rows != rows {
			t.Fatalf("iteration %d: rows %d of %d, errors %v", iter, p.Rows, rows, p.Errors)
		}
		kinds := []string{"attribute", "scale 1-10", "scale 1-5", "yes/no", "free text"}
		for i, k := range kinds {
			if got := p.Columns[i].KindText(); got != k {
				t.Fatalf("iteration %d: column %d is %s, want %s", iter, i, got, k)
			}
		}
		rs := p.Respondents().List()
		q := func(i int) string { return p.Columns[i].QuestionID }
		for r, x := range wants {
			a := rs[r].Answers
			wantEase := x.ease
			if wantEase == "Don't know" {
				wantEase = review.Excluded
			}
			wantYN := strings.ToLower(x.yn)
			if wantYN == "n/a" {
				wantYN = review.Excluded
			}
			if rs[r].Attrs["Contact method"] != x.method || a[q(1)] != wantEase || a[q(2)] != x.sat ||
				a[q(3)] != wantYN || a[q(4)] != x.text {
				t.Fatalf("iteration %d row %d: got %v %v, want %+v", iter, r+2, rs[r].Attrs, a, x)
			}
		}
	}
}
