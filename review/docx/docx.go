// Package docx writes the report as a Word document (.docx) built with
// Word's own structure: heading styles (so the navigation pane and a table
// of contents work), real tables whose header rows repeat on each page,
// recommendations as a numbered list with lettered sub-points, page
// numbers, document properties and charts as images.
//
// It is written directly with archive/zip and WordprocessingML rather than
// with a library: no maintained pure-Go docx library was available to the
// project, the parts needed are few and well specified (ECMA-376), and
// writing them ourselves makes the output deterministic: the same report
// gives the same bytes, with fixed zip timestamps and a fixed part order.
package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"

	"scrutiny/review"
	"scrutiny/review/chart"
)

// stamp is the time every part of the zip carries, so two exports of the
// same review are byte for byte the same.
var stamp = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// textWidth is the width between the margins of an A4 page with 2 cm
// margins, in twentieths of a point.
const textWidth = 11906 - 2*1134

// imageScale is how many image pixels a chart has per CSS pixel: sharp when
// printed, small enough to write quickly.
const imageScale = 1

// DOCX writes the report as a Word document.
func DOCX(rep *review.Report) []byte {
	w := &writer{painter: chart.NewPainter(imageScale)}
	for i := range rep.Blocks {
		w.block(&rep.Blocks[i])
	}
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	put := func(name string, data []byte) {
		h := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: stamp}
		if strings.HasSuffix(name, ".png") {
			h.Method = zip.Store // already compressed
		}
		f, err := z.CreateHeader(h)
		if err == nil {
			_, _ = f.Write(data) // writing to memory cannot fail
		}
	}
	put("[Content_Types].xml", []byte(contentTypes))
	put("_rels/.rels", []byte(rootRels))
	put("docProps/core.xml", []byte(core(rep)))
	put("docProps/app.xml", []byte(app))
	put("word/document.xml", w.document())
	put("word/styles.xml", []byte(styles))
	put("word/numbering.xml", w.numbering())
	put("word/settings.xml", []byte(settings))
	put("word/footer1.xml", []byte(footer))
	put("word/_rels/document.xml.rels", w.rels())
	for i, img := range w.images {
		put(fmt.Sprintf("word/media/chart%d.png", i+1), img)
	}
	_ = z.Close()
	return buf.Bytes()
}

type writer struct {
	body    strings.Builder
	painter *chart.Painter
	images  [][]byte
	lists   []int // the start number of each numbered list, by numId-numFirst
	shapeID int
}

// Numbering instances: 1 is the bullets; numbered lists get their own from
// numFirst on, so each starts at its own first number.
const (
	numBullets = 1
	numFirst   = 2
)

func (w *writer) block(bl *review.Block) {
	switch bl.Kind {
	case review.BlockHeading:
		style := "Heading" + strconv.Itoa(max(1, min(4, bl.Level-1)))
		if bl.Level <= 1 {
			style = "Title"
		}
		w.para(pPr(style, ""), runs(bl.Text))
	case review.BlockPara:
		var r strings.Builder
		for i, l := range bl.Lines {
			if i > 0 {
				r.WriteString("<w:r><w:br/></w:r>")
			}
			r.WriteString(runs(l))
		}
		style := ""
		if bl.Note {
			style = "Note"
		}
		w.para(pPr(style, ""), r.String())
	case review.BlockFacts:
		t := &review.Table{Head: []string{"", ""}, Widths: []int{30, 70}, RowHeads: true}
		for _, f := range bl.Facts {
			t.Rows = append(t.Rows, []review.Text{{{S: f.Label, Strong: true}}, f.Value})
		}
		w.table(t, false)
	case review.BlockList:
		w.list(bl)
	case review.BlockTable:
		if bl.Table.Caption != "" {
			w.para(pPr("Caption", ""), run(bl.Table.Caption, ""))
		}
		w.table(bl.Table, true)
	case review.BlockChart:
		w.chart(bl.Chart)
	case review.BlockPageBreak:
		w.body.WriteString(`<w:p><w:r><w:br w:type="page"/></w:r></w:p>`)
	}
}

func (w *writer) para(ppr, runs string) {
	w.body.WriteString("<w:p>" + ppr + runs + "</w:p>\n")
}

func pPr(style, extra string) string {
	if style == "" && extra == "" {
		return ""
	}
	s := "<w:pPr>"
	if style != "" {
		s += `<w:pStyle w:val="` + style + `"/>`
	}
	return s + extra + "</w:pPr>"
}

func numPr(numID, level int) string {
	return fmt.Sprintf(`<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>`, level, numID)
}

func (w *writer) list(bl *review.Block) {
	id := numBullets
	if bl.Numbered {
		start := 1
		if len(bl.Items) > 0 {
			if n, err := strconv.Atoi(bl.Items[0].Marker); err == nil && n >= 0 {
				start = n
			}
		}
		w.lists = append(w.lists, start)
		id = numFirst + len(w.lists) - 1
	}
	for _, it := range bl.Items {
		w.para(pPr("ListParagraph", numPr(id, 0)), runs(it.Text))
		for _, sp := range it.Sub {
			w.para(pPr("ListParagraph", numPr(id, 1)), runs(sp.Text))
		}
		for _, a := range it.After {
			w.para(pPr("ListContinue", ""), runs(a))
		}
	}
}

func (w *writer) table(t *review.Table, header bool) {
	if len(t.Head) == 0 {
		return
	}
	widths := gridWidths(t)
	var b strings.Builder
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/><w:tblLayout w:type="fixed"/>`)
	if header {
		b.WriteString(`<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>`)
	}
	b.WriteString(`</w:tblPr><w:tblGrid>`)
	for _, wd := range widths {
		fmt.Fprintf(&b, `<w:gridCol w:w="%d"/>`, wd)
	}
	b.WriteString("</w:tblGrid>\n")
	cell := func(i int, content string, shade bool) {
		fmt.Fprintf(&b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, widths[i])
		if shade {
			b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="E8E8E8"/>`)
		}
		jc := ""
		if i < len(t.Align) && t.Align[i] == review.AlignRight {
			jc = `<w:jc w:val="right"/>`
		}
		b.WriteString(`</w:tcPr><w:p>` + pPr("TableText", jc) + content + "</w:p></w:tc>")
	}
	if header {
		// tblHeader repeats the row at the top of each page the table
		// runs onto; cantSplit keeps a row on one page.
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>`)
		for i, h := range t.Head {
			cell(i, run(h, "<w:b/>"), true)
		}
		b.WriteString("</w:tr>\n")
	}
	for _, row := range t.Rows {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
		for i := range t.Head {
			var c review.Text
			if i < len(row) {
				c = row[i]
			}
			cell(i, runs(c), false)
		}
		b.WriteString("</w:tr>\n")
	}
	b.WriteString("</w:tbl>\n")
	w.body.WriteString(b.String())
	// A paragraph after each table keeps two tables from merging.
	w.para(pPr("TableAfter", ""), "")
}

func gridWidths(t *review.Table) []int {
	n := len(t.Head)
	out := make([]int, n)
	total := 0
	for i := range n {
		wd := 10
		if i < len(t.Widths) && t.Widths[i] > 0 {
			wd = t.Widths[i]
		}
		out[i] = wd
		total += wd
	}
	sum := 0
	for i := range out {
		out[i] = out[i] * textWidth / total
		sum += out[i]
	}
	out[n-1] += textWidth - sum
	return out
}

// emu is English Metric Units per CSS pixel (914400 per inch, 96 px).
const emu = 9525

func (w *writer) chart(c *review.Chart) {
	data, pw, ph := w.painter.PNG(c)
	w.images = append(w.images, data)
	n := len(w.images)
	w.shapeID++
	cx, cy := int64(pw*emu), int64(ph*emu)
	if most := int64(textWidth) * 635; cx > most { // twips to EMU
		cy = cy * most / cx
		cx = most
	}
	w.para(pPr("Caption", ""), run(c.Title, ""))
	alt := attr(c.Title + ". " + c.Desc + " " + chart.Summary(c))
	drawing := fmt.Sprintf(`<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="%d" cy="%d"/>`+
		`<wp:docPr id="%d" name="Chart %d" descr="%s"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>`+
		`<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>`+
		`<pic:nvPicPr><pic:cNvPr id="%d" name="chart%d.png" descr="%s"/><pic:cNvPicPr/></pic:nvPicPr>`+
		`<pic:blipFill><a:blip r:embed="rIdImg%d"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`+
		`<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>`+
		`</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`,
		cx, cy, w.shapeID, n, alt, w.shapeID, n, alt, n, cx, cy)
	w.para(pPr("Figure", ""), drawing)
	if c.Figures != nil {
		w.para(pPr("Caption", ""), run(c.Figures.Caption, ""))
		w.table(c.Figures, true)
	}
}

func runs(t review.Text) string {
	var b strings.Builder
	for _, sp := range t {
		rpr := ""
		switch {
		case sp.Strong:
			rpr = "<w:b/>"
		case sp.Em:
			rpr = "<w:i/>"
		}
		b.WriteString(run(sp.S, rpr))
	}
	return b.String()
}

func run(s, rpr string) string {
	s = chart.Text(review.Clean(s))
	if s == "" {
		return ""
	}
	if rpr != "" {
		rpr = "<w:rPr>" + rpr + "</w:rPr>"
	}
	return `<w:r>` + rpr + `<w:t xml:space="preserve">` + s + `</w:t></w:r>`
}

func attr(s string) string { return chart.Attr(strings.Join(strings.Fields(review.Clean(s)), " ")) }

func (w *writer) document() []byte {
	var b strings.Builder
	b.WriteString(xmlHead + `<w:document ` + ns + `><w:body>` + "\n")
	b.WriteString(w.body.String())
	fmt.Fprintf(&b, `<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/><w:pgSz w:w="11906" w:h="16838"/>`+
		`<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>`)
	b.WriteString("</w:body></w:document>\n")
	return []byte(b.String())
}

func (w *writer) rels() []byte {
	var b strings.Builder
	b.WriteString(xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	b.WriteString(`<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`)
	b.WriteString(`<Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>`)
	b.WriteString(`<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>`)
	b.WriteString(`<Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>`)
	for i := range w.images {
		fmt.Fprintf(&b, `<Relationship Id="rIdImg%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/chart%d.png"/>`, i+1, i+1)
	}
	b.WriteString("</Relationships>\n")
	return []byte(b.String())
}

func (w *writer) numbering() []byte {
	var b strings.Builder
	b.WriteString(xmlHead + `<w:numbering ` + ns + `>`)
	b.WriteString(`<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>` +
		`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="567" w:hanging="283"/></w:pPr></w:lvl>` +
		`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="◦"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1134" w:hanging="283"/></w:pPr></w:lvl>` +
		`</w:abstractNum>`)
	b.WriteString(`<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="multilevel"/>` +
		`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="567" w:hanging="567"/></w:pPr></w:lvl>` +
		`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1134" w:hanging="567"/></w:pPr></w:lvl>` +
		`</w:abstractNum>`)
	fmt.Fprintf(&b, `<w:num w:numId="%d"><w:abstractNumId w:val="0"/></w:num>`, numBullets)
	for i, start := range w.lists {
		fmt.Fprintf(&b, `<w:num w:numId="%d"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="%d"/></w:lvlOverride></w:num>`, numFirst+i, start)
	}
	b.WriteString("</w:numbering>\n")
	return []byte(b.String())
}

func core(rep *review.Report) string {
	return xmlHead + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + attr(rep.Title) + `</dc:title><dc:subject>` + attr(rep.Subject) + `</dc:subject><dc:creator>` + attr(rep.Author) + `</dc:creator>` +
		`<cp:keywords>tenant scrutiny</cp:keywords><dc:language>en-GB</dc:language></cp:coreProperties>` + "\n"
}
