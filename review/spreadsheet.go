package review

import "strings"

// SpreadsheetCell makes user text safe as a cell of a CSV or XLSX file
// the app writes. Control characters go (as everywhere, see Clean), and a
// cell that a spreadsheet would run as a formula (it begins with =, +, -,
// @, a tab or a carriage return) gets a leading apostrophe, as OWASP's
// advice on CSV injection says: Excel and Calc then show it as text. A
// cell that begins with an apostrophe gets one too, so FromSpreadsheetCell
// can give back exactly what was written. Only text cells pass through
// here: numbers the app formats itself (-12.50) stay numbers.
func SpreadsheetCell(s string) string {
	s = Clean(s)
	if s != "" && strings.IndexByte("=+-@\t\r'", s[0]) >= 0 {
		return "'" + s
	}
	return s
}

// FromSpreadsheetCell undoes SpreadsheetCell when the app reads one of its
// own files back.
func FromSpreadsheetCell(s string) string {
	if len(s) >= 2 && s[0] == '\'' && strings.IndexByte("=+-@\t\r'", s[1]) >= 0 {
		return s[1:]
	}
	return s
}
