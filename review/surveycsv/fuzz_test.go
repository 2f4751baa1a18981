package surveycsv

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzReadCSV: any bytes give a preview or an error, never a panic, and
// memory stays within the limits passed.
func FuzzReadCSV(f *testing.F) {
	f.Add([]byte(goodCSV))
	f.Add([]byte("A;B\n1;2\n"))
	f.Add([]byte("\xff\xfeA\x00"))
	f.Add([]byte("Score\n\"7\n"))
	f.Add([]byte("Q,\"R\"\"\"\n10 - x,\"\"\n,\n"))
	f.Add([]byte("Caf\xe9,Score\nx,1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Read(bytes.NewReader(data), Options{MaxLineBytes: 4096, MaxBytes: 1 << 16})
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		if p.OK() != (len(p.Errors) == 0) {
			t.Fatal("OK disagrees with Errors")
		}
		if p.OK() && p.Respondents().Len() != p.Rows {
			t.Fatalf("%d respondents for %d rows", p.Respondents().Len(), p.Rows)
		}
		if !p.OK() && p.Respondents().Len() != 0 {
			t.Fatal("respondents kept despite errors")
		}
		for _, e := range p.Errors {
			if e.Row < 2 || strings.TrimSpace(e.Reason) == "" {
				t.Fatalf("bad error %+v", e)
			}
		}
		sv := p.Survey("fuzz", 0)
		for i := range sv.Questions {
			s := sv.QuestionStats(&sv.Questions[i])
			n := 0
			for _, c := range s.Counts {
				n += c.N
			}
			if len(s.Counts) > 0 && n != s.Base {
				t.Fatalf("counts %d base %d", n, s.Base)
			}
		}
	})
}
