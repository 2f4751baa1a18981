package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scrutiny/review"
)

// BenchmarkImportPreviewScroll is one key press (scroll down) on the
// preview of a file whose 100,000 rows all have a value too many: the
// row errors are laid out once, not on every frame.
func BenchmarkImportPreviewScroll(b *testing.B) {
	st := openStore(b)
	r := &review.Review{Topic: "Large import"}
	if err := st.CreateReview(ctx(), r); err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	sb.WriteString("a,b\n")
	for range 100000 {
		sb.WriteString("1,2,3\n")
	}
	path := filepath.Join(b.TempDir(), "bad.csv")
	if err := os.WriteFile(path, []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	tt := newTester(b, st, 100, 30, Options{ReviewID: r.ID})
	tt.press("alt+9", "alt+i")
	tt.typeText(path)
	tt.press("enter")
	tt.contains("100000 rows could not be read")
	b.ResetTimer()
	for b.Loop() {
		tt.press("down")
		_ = tt.m.Render()
	}
}
