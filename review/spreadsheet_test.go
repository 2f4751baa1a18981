package review

import "testing"

func TestSpreadsheetCell(t *testing.T) {
	for in, want := range map[string]string{
		`=HYPERLINK("http://x","click")`:    `'=HYPERLINK("http://x","click")`,
		"+1+cmd|' /C calc'!A0":              "'+1+cmd|' /C calc'!A0",
		"@SUM(1+1)":                         "'@SUM(1+1)",
		"-2+3":                              "'-2+3",
		"\t=1":                              "'\t=1",
		"\r=1":                              "'=1", // the CR is a control and goes; the = is still caught
		"'quoted":                           "''quoted",
		"Pat \x1b]0;title\x07Smith\u009b2J": "Pat Smith",
		"Plain name":                        "Plain name",
		"":                                  "",
	} {
		got := SpreadsheetCell(in)
		if got != want {
			t.Errorf("SpreadsheetCell(%q) = %q, want %q", in, got, want)
		}
		if back := FromSpreadsheetCell(got); back != Clean(in) {
			t.Errorf("FromSpreadsheetCell(%q) = %q, want %q", got, back, Clean(in))
		}
	}
	// A cell that did not come from SpreadsheetCell keeps its apostrophe.
	if got := FromSpreadsheetCell("'tis"); got != "'tis" {
		t.Errorf("FromSpreadsheetCell took the apostrophe of %q", "'tis")
	}
}
