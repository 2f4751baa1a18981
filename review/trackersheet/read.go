package trackersheet

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"scrutiny/review"
)

// maxBytes keeps a hostile or mistaken file from exhausting memory; a
// tracker of every recommendation a landlord ever had is far smaller.
const maxBytes = 64 << 20

// Read reads a filled-in tracker, .xlsx or .csv by the file's name, and
// returns its rows after the heading, cleaned and with the formula guard
// taken off. The heading must name the columns the app wrote, in any
// order; extra columns are ignored.
func Read(r io.Reader, name string) ([]Row, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxBytes {
		return nil, fmt.Errorf("%s is larger than %d MB, too large for a tracker", filepath.Base(name), maxBytes>>20)
	}
	var raw [][]string
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx":
		raw, err = readXLSX(data)
	case ".csv":
		raw, err = readCSV(data)
	default:
		return nil, fmt.Errorf("%s: a tracker is a .xlsx or a .csv file", filepath.Base(name))
	}
	if err != nil {
		return nil, err
	}
	return fromRaw(raw)
}

func readXLSX(data []byte) ([][]string, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("this is not a workbook that can be read (%v)", err)
	}
	defer f.Close()
	sheet := sheetName
	if idx, _ := f.GetSheetIndex(sheet); idx < 0 {
		sheet = f.GetSheetName(0)
	}
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, fmt.Errorf("the sheet %q cannot be read (%v)", sheet, err)
	}
	return rows, nil
}

func readCSV(data []byte) ([][]string, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	cr := csv.NewReader(bufio.NewReader(bytes.NewReader(data)))
	cr.FieldsPerRecord = -1
	rows, err := cr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("the CSV cannot be read (%v)", err)
	}
	return rows, nil
}

// Row is one row of a filled-in tracker: its line in the sheet (the
// heading is line 1) and its cells by column.
type Row struct {
	Line  int
	Cells [nColumns]string
}

func fromRaw(raw [][]string) ([]Row, error) {
	if len(raw) == 0 {
		return nil, fmt.Errorf("the file is empty: it has no heading row")
	}
	at := map[string]int{}
	for i, h := range raw[0] {
		at[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	idx := make([]int, len(Columns))
	for i, c := range Columns {
		j, ok := at[strings.ToLower(c)]
		if !ok {
			return nil, fmt.Errorf("the heading row has no %q column; it needs %s", c, strings.Join(Columns, ", "))
		}
		idx[i] = j
	}
	var out []Row
	for n, cells := range raw[1:] {
		r := Row{Line: n + 2}
		empty := true
		for i, j := range idx {
			if j < len(cells) {
				r.Cells[i] = cleanCell(cells[j])
				if r.Cells[i] != "" {
					empty = false
				}
			}
		}
		if !empty {
			out = append(out, r)
		}
	}
	return out, nil
}

// cleanCell takes off the formula guard, then drops control characters and
// folds the cell to one line, as all text the app takes in.
func cleanCell(s string) string {
	return strings.TrimSpace(cleanLine(review.FromSpreadsheetCell(s)))
}
