package ui

import (
	"context"
	"database/sql"
	"strings"
	"testing"
)

// While another program holds the file, a save says so after one short
// wait (the editor's busy timeout is checked in store), keeps the typing,
// and is tried again until the file is free.
func TestBusyFileIsReportedSoonAndRetried(t *testing.T) {
	tt, st, id := exampleTester(t, 100, 30)
	other, err := sql.Open("sqlite", "file:"+st.Path()+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	tt.press("enter", "ctrl+a", "ctrl+k")
	tt.typeText("Typed while the file was busy")

	_, cmd := tt.m.Update(keyMsg("enter"))
	if !strings.Contains(tt.m.e.status, "busy") || !tt.m.ws.typing() {
		t.Fatalf("status %q, typing %v", tt.m.e.status, tt.m.ws.typing())
	}
	if cmd == nil || !tt.m.retrying {
		t.Fatal("no retry was asked for")
	}

	if _, err := conn.ExecContext(context.Background(), "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	tt.m.Update(busyRetryMsg{})
	if got := loadReview(t, st, id).Topic; got != "Typed while the file was busy" {
		t.Fatalf("after the file was free the store has %q", got)
	}
	if !strings.HasPrefix(tt.m.e.status, "saved") {
		t.Errorf("status after the retry: %q", tt.m.e.status)
	}
}
