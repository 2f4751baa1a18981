package trackersheet

import (
	"encoding/csv"
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"scrutiny/review"
)

// WriteCSV writes the tracker as CSV with a heading row.
func WriteCSV(w io.Writer, ts []review.Tracked) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(Columns); err != nil {
		return err
	}
	for _, row := range Rows(ts) {
		for i := range row {
			row[i] = review.SpreadsheetCell(row[i])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// sheetName is the tracker's worksheet.
const sheetName = "Tracker"

// WriteXLSX writes the tracker as a workbook with one sheet: the heading
// row frozen, every cell text (so dates and references stay as written),
// and drop-down lists of the allowed words in the Response and Status
// columns.
func WriteXLSX(w io.Writer, ts []review.Tracked) error { return writeXLSXRows(w, Rows(ts)) }

func writeXLSXRows(w io.Writer, rows [][]string) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheetName); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheetName)
	if err != nil {
		return err
	}
	for i, wd := range []float64{14, 28, 50, 20, 36, 44, 24, 12, 14, 44} {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	vals := make([]any, len(Columns))
	for i, c := range Columns {
		vals[i] = c
	}
	if err := sw.SetRow("A1", vals); err != nil {
		return err
	}
	for r, row := range rows {
		for i, c := range row {
			vals[i] = review.SpreadsheetCell(c)
		}
		cell, _ := excelize.CoordinatesToCellName(1, r+2)
		if err := sw.SetRow(cell, vals); err != nil {
			return err
		}
	}
	// The lists go in before Flush: the stream writer writes the sheet's
	// settings, validations among them, when it finishes.
	last := len(rows) + 1
	for _, v := range []struct {
		col   string
		words []string
		what  string
	}{{"D", decisionWords(), "a decision"}, {"I", statusWords(), "a status"}} {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s2:%s%d", v.col, v.col, max(last, 2))
		if err := dv.SetDropList(v.words); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "Not allowed", "Choose "+v.what+" from the list.")
		if err := f.AddDataValidation(sheetName, dv); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.Write(w)
}
