package store

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
)

func TestBackupAndCheck(t *testing.T) {
	s := openTemp(t, Options{})
	ctx := context.Background()
	r := richReview("B")
	saveRich(t, s, r)
	dest := filepath.Join(t.TempDir(), "backups", "copy.scrutiny")
	if err := s.Backup(ctx, dest); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(ctx, dest); err == nil {
		t.Fatal("Backup overwrote an existing file")
	}
	if ents, _ := os.ReadDir(filepath.Dir(dest)); len(ents) != 1 {
		t.Fatalf("backup folder holds %d entries, want just the copy", len(ents))
	}
	b, err := Open(dest, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("backup does not open: %v", err)
	}
	defer b.Close()
	if got := exportAll(t, b); !bytes.Equal(got, exportAll(t, s)) {
		t.Fatal("backup differs from the original")
	}
	// A read-only viewer can make a backup too.
	dest2 := filepath.Join(filepath.Dir(dest), "copy2.scrutiny")
	if err := b.Backup(ctx, dest2); err != nil {
		t.Fatalf("backup from a read-only store: %v", err)
	}
	lines, err := b.Check(ctx)
	if err != nil || len(lines) != 1 || lines[0] != "ok" {
		t.Fatalf("Check = %v, %v", lines, err)
	}
}

func TestCheckFindsDamage(t *testing.T) {
	s := openTemp(t, Options{})
	saveRich(t, s, richReview("D"))
	path := s.Path()
	s.Close()
	// Overwrite the middle of the file (past the header) with junk.
	data, _ := os.ReadFile(path)
	if len(data) < 8192 {
		t.Skip("file too small to damage safely")
	}
	for i := 4096; i < len(data)-100 && i < 4096+3000; i++ {
		data[i] = 0xA5
	}
	os.WriteFile(path, data, 0o644)
	s2, err := Open(path, Options{})
	if err != nil {
		t.Logf("refused: %v", err)
		return // refusing a damaged file is also a fine answer
	}
	defer s2.Close()
	lines, err := s2.Check(context.Background())
	t.Logf("check: %q %v", lines, err)
	if err == nil && len(lines) == 1 && lines[0] == "ok" {
		t.Fatal("Check said ok on a damaged file")
	}
}
