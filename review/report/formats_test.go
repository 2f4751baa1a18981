package report_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"scrutiny/review"
	"scrutiny/review/example"
	"scrutiny/review/htmlreport"
	"scrutiny/review/report"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// sections are the headings every format must carry.
var sections = []string{"Contents", "Executive summary", "1. Introduction", "2. The service area reviewed and why",
	"3. Aim and scope", "4. Our approach", "5. Good practice and findings", "6. Review summary",
	"7. Recommendations", "8. Overall judgement", "9. Appendix: survey detail"}

func need(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (.ci/run installs it)", tool)
		}
	}
}

func run(t *testing.T, name string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(name, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	return out
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./review/report -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; if the change is intended, run go test ./review/report -update and read the diff", name)
	}
}

func TestGoldens(t *testing.T) {
	rep := review.NewReport(example.Review())
	golden(t, "example.html", htmlreport.HTML(rep))
	golden(t, "example.md", review.Markdown(rep))
}

// TestHTMLSelfContained: nothing in the page is fetched from elsewhere.
func TestHTMLSelfContained(t *testing.T) {
	page := string(report.Export(example.Review(), "html"))
	for _, bad := range []string{"<script", "<link", "<img", "<iframe", "<object", "src=", "url(", "@import", "http://", "https://"} {
		if bad == "http://" || bad == "https://" {
			// The SVG namespace is a name, not a fetch.
			page2 := strings.ReplaceAll(page, `xmlns="http://www.w3.org/2000/svg"`, "")
			if strings.Contains(page2, bad) {
				t.Errorf("the page refers outside itself: %s", bad)
			}
			continue
		}
		if strings.Contains(page, bad) {
			t.Errorf("the page holds %q", bad)
		}
	}
	for _, href := range regexp.MustCompile(`href="([^"]*)"`).FindAllStringSubmatch(page, -1) {
		if !strings.HasPrefix(href[1], "#") || !strings.Contains(page, `id="`+href[1][1:]+`"`) {
			t.Errorf("link %q does not point inside the page", href[1])
		}
	}
	mustHave(t, "page", page, `<html lang="en-GB">`, "<caption>", `<th scope="col"`, `<th scope="row"`, "<title id=", "<desc id=", `role="img"`, "@page { size: A4")
	// Headings in order: no level skipped on the way down.
	last := 0
	for _, m := range regexp.MustCompile(`<h([1-6])[ >]`).FindAllStringSubmatch(page, -1) {
		l := int(m[1][0] - '0')
		if l > last+1 {
			t.Errorf("heading level %d follows level %d", l, last)
		}
		last = l
	}
}

func mustHave(t *testing.T, where, s string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(s, w) {
			t.Errorf("%s lacks %q", where, w)
		}
	}
}

// TestHTMLPrintsInChromium prints the example's page to PDF in headless
// Chromium and reads it back with pdftotext.
func TestHTMLPrintsInChromium(t *testing.T) {
	need(t, "chromium", "pdftotext")
	pdf := printPDF(t, report.Export(example.Review(), "html"))
	all := string(run(t, "pdftotext", "-layout", pdf, "-"))
	flat := strings.Join(strings.Fields(all), " ")
	for _, h := range sections {
		if !strings.Contains(flat, h) {
			t.Errorf("the PDF lacks the heading %q", h)
		}
	}
	mustHave(t, "PDF", flat, "8.5%", "9.6%", "3 of 6", "Improving", "Great Places Housing Group", "Page 1 of")
	// No table row split across pages: each row's first and last cells
	// are on the same page.
	pages := strings.Split(all, "\f")
	rows := [][2]string{
		{"Ring backs within 1 working hour", "14 minutes"},
		{"How easy was it to contact Great Places?", "73.7"},
		{"How well were you kept informed?", "33.8"},
		{"Overall: you trust Great Places", "24.7"},
	}
	for _, r := range rows {
		for i, p := range pages {
			if strings.Contains(p, r[0]) {
				if !strings.Contains(p, r[1]) {
					t.Errorf("page %d has %q without the rest of its row (%q)", i+1, r[0], r[1])
				}
				break
			}
		}
	}
}

// printPDF prints a page to PDF in headless Chromium, as a reader's
// "Print to PDF" does, and returns the PDF's path.
func printPDF(t *testing.T, html []byte) string {
	t.Helper()
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	if err := os.WriteFile(page, html, 0o644); err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(dir, "report.pdf")
	run(t, "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--no-pdf-header-footer", "--print-to-pdf="+pdf, "file://"+page)
	return pdf
}

// TestHTMLPrintsNoRowSplit checks every body row of every table of the
// example: a marker at the start and at the end of each cell, printed in
// Chromium, must all come out on one page. The markers are set in 4pt type
// so they barely change the layout; header rows are left out, as the print
// style sheet repeats them on each page a table runs onto.
func TestHTMLPrintsNoRowSplit(t *testing.T) {
	need(t, "chromium", "pdftotext")
	page := string(report.Export(example.Review(), "html"))
	page = strings.Replace(page, "</style>", ".zq { font-size: 4pt; }\n</style>", 1)
	cell := regexp.MustCompile(`(?s)(<t[hd][^>]*>)(.*?)(</t[hd]>)`)
	rows := 0
	page = regexp.MustCompile(`(?s)<tbody>.*?</tbody>`).ReplaceAllStringFunc(page, func(body string) string {
		return regexp.MustCompile(`(?s)<tr>.*?</tr>`).ReplaceAllStringFunc(body, func(tr string) string {
			rows++
			return cell.ReplaceAllString(tr, fmt.Sprintf(`${1}<span class="zq">Zq%ds </span>${2}<span class="zq"> Zq%de</span>${3}`, rows, rows))
		})
	})
	if rows < 100 {
		t.Fatalf("found only %d table rows in the example's page", rows)
	}
	all := string(run(t, "pdftotext", printPDF(t, []byte(page)), "-"))
	onPage := make([]map[int]bool, rows+1)
	marker := regexp.MustCompile(`Zq(\d+)[se]`)
	for i, p := range strings.Split(all, "\f") {
		for _, m := range marker.FindAllStringSubmatch(p, -1) {
			var n int
			fmt.Sscan(m[1], &n)
			if n < 1 || n > rows {
				t.Fatalf("unexpected marker %q", m[0])
			}
			if onPage[n] == nil {
				onPage[n] = map[int]bool{}
			}
			onPage[n][i+1] = true
		}
	}
	for n := 1; n <= rows; n++ {
		switch {
		case len(onPage[n]) == 0:
			t.Errorf("row %d: its markers were not found in the PDF", n)
		case len(onPage[n]) > 1:
			t.Errorf("row %d is split across pages %v", n, onPage[n])
		}
	}
	if !t.Failed() {
		t.Logf("%d table rows, each on one page", rows)
	}
}

func docxPart(t *testing.T, data []byte, name string) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range z.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(rc)
			rc.Close()
			return string(b)
		}
	}
	t.Fatalf("the document has no part %s", name)
	return ""
}

// wellFormed checks every XML part parses.
func wellFormed(t *testing.T, data []byte) {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range z.File {
		if !strings.HasSuffix(f.Name, ".xml") && !strings.HasSuffix(f.Name, ".rels") {
			continue
		}
		rc, _ := f.Open()
		d := xml.NewDecoder(rc)
		for {
			if _, err := d.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Errorf("%s is not well-formed XML: %v", f.Name, err)
				break
			}
		}
		rc.Close()
	}
}

func TestDOCXStructure(t *testing.T) {
	data := report.Export(example.Review(), "docx")
	if again := report.Export(example.Review(), "docx"); !bytes.Equal(data, again) {
		t.Error("two exports of the same review differ")
	}
	wellFormed(t, data)
	z, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	images := 0
	for _, f := range z.File {
		if !f.Modified.Equal(z.File[0].Modified) || f.Modified.Year() != 2000 {
			t.Errorf("%s carries the time %v", f.Name, f.Modified)
		}
		if strings.HasPrefix(f.Name, "word/media/") {
			images++
		}
	}
	doc := docxPart(t, data, "word/document.xml")
	for _, h := range sections[1:] {
		if !strings.Contains(doc, `<w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">`+h) {
			t.Errorf("no Heading 1 %q", h)
		}
	}
	mustHave(t, "document.xml", doc, `<w:tblHeader/>`, `<w:cantSplit/>`, `<w:br w:type="page"/>`, `<w:footerReference`, `<wp:docPr id="1" name="Chart 1" descr="`)
	if n := strings.Count(doc, "<wp:inline"); n != images || n < 10 {
		t.Errorf("%d images drawn, %d in the package", n, images)
	}
	mustHave(t, "styles.xml", docxPart(t, data, "word/styles.xml"), `<w:name w:val="heading 1"/>`, `<w:outlineLvl w:val="0"/>`)
	mustHave(t, "numbering.xml", docxPart(t, data, "word/numbering.xml"), `w:val="lowerLetter"`, `w:val="decimal"`)
	mustHave(t, "footer1.xml", docxPart(t, data, "word/footer1.xml"), " PAGE ", " NUMPAGES ")
	mustHave(t, "core.xml", docxPart(t, data, "docProps/core.xml"),
		"<dc:title>Scrutiny report: Customers contacting Great Places</dc:title>",
		"<dc:creator>Tenant scrutiny panel of Great Places Housing Group</dc:creator>")
}

// TestDOCXThroughPandoc reads the Word document back with pandoc.
func TestDOCXThroughPandoc(t *testing.T) {
	need(t, "pandoc")
	r := example.Review()
	path := filepath.Join(t.TempDir(), "report.docx")
	if err := os.WriteFile(path, report.Export(r, "docx"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := string(run(t, "pandoc", "-f", "docx", "-t", "html", "--wrap=none", path))
	for _, h := range sections[1:] {
		if !regexp.MustCompile(`<h1[^>]*>` + regexp.QuoteMeta(h) + `</h1>`).MatchString(out) {
			t.Errorf("pandoc found no heading %q", h)
		}
	}
	recs := out[strings.Index(out, ">7. Recommendations</h1>"):strings.Index(out, ">8. Overall judgement</h1>")]
	for i, rec := range r.Recommendations {
		if !strings.Contains(strings.Join(strings.Fields(recs), " "), htmlText(rec.Text)) {
			t.Errorf("recommendation %d is missing: %q", i+1, rec.Text)
		}
		for _, sp := range rec.SubPoints {
			if !strings.Contains(recs, htmlText(sp.Text)) {
				t.Errorf("sub-point of recommendation %d is missing: %q", i+1, sp.Text)
			}
		}
	}
	if got := strings.Count(recs, `<ol type="a">`); got != 4 {
		t.Errorf("%d lettered lists of sub-points, want 4 (recommendations 1, 3, 4 and 5)", got)
	}
	judgement := out[strings.Index(out, ">8. Overall judgement</h1>"):]
	table := judgement[strings.Index(judgement, "<table"):strings.Index(judgement, "</table>")]
	mustHave(t, "criteria table", table, "Timeliness and ease of contact", "fair 2, good 4", "Customer kept informed during their contact", "poor 1, fair 4, good 1")
}

func htmlText(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(strings.Join(strings.Fields(s), " "))
}

// TestDOCXInLibreOffice converts the Word document to PDF.
func TestDOCXInLibreOffice(t *testing.T) {
	need(t, "soffice", "pdftotext")
	dir := t.TempDir()
	path := filepath.Join(dir, "report.docx")
	if err := os.WriteFile(path, report.Export(example.Review(), "docx"), 0o644); err != nil {
		t.Fatal(err)
	}
	run(t, "soffice", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless", "--convert-to", "pdf", "--outdir", dir, path)
	flat := strings.Join(strings.Fields(string(run(t, "pdftotext", filepath.Join(dir, "report.pdf"), "-"))), " ")
	mustHave(t, "PDF from LibreOffice", flat, "Executive summary", "9. Appendix: survey detail", "3 of 6", "8.5%", "Page 1 of")
}

var hostile = []string{
	"a | b || c", "*bold* **strong** # not a heading", "<script>alert(1)</script>", "</td></tr></table><b>x</b>",
	"]]></w:t></w:r><w:r><w:t>", "&amp; &lt; AT&T \"quotes\" 'apos'", "עברית | עם קו", "bidi \u202eoverride\u202c end",
	"emoji 👩\u200d👩\u200d👧 🇬🇧", "nul\x00 esc\x1b[31m bell\a \ufffe", strings.Repeat("Supercalifragilistic", 30),
}

func hostileReview(s string) *review.Review {
	r := example.Review()
	r.Topic, r.Landlord, r.ServiceArea, r.Summary = s, s, s, s
	for i := range r.Findings {
		r.Findings[i].Text = s
	}
	for i := range r.Evidence {
		r.Evidence[i].Title = s
	}
	for i := range r.Recommendations {
		r.Recommendations[i].Text = s
		for j := range r.Recommendations[i].SubPoints {
			r.Recommendations[i].SubPoints[j].Text = s
		}
	}
	for i := range r.Criteria {
		r.Criteria[i].Name = s
	}
	for i := range r.Standards {
		r.Standards[i].Promise = s
	}
	r.Surveys[0].Name, r.Surveys[0].Questions[0].Text = s, s
	list := r.Surveys[1].Respondents.List()
	for i := range list {
		list[i].Attrs["contact method"] = s + fmt.Sprint(i%3)
	}
	r.Surveys[1].Respondents = review.RespondentsFrom(list)
	return r
}

// TestHostileText: user text makes no element in the page and no XML in
// the Word document, and both still open.
func TestHostileText(t *testing.T) {
	clean := report.Export(example.Review(), "html")
	tags := regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9]*)`)
	count := func(page []byte) map[string]int {
		m := map[string]int{}
		for _, t := range tags.FindAllSubmatch(page, -1) {
			m[string(t[1])]++
		}
		return m
	}
	want := count(clean)
	for _, s := range hostile {
		r := hostileReview(s)
		page := report.Export(r, "html")
		got := count(page)
		for tag, n := range got {
			if tag == "bdi" {
				continue
			}
			if want[tag] == 0 {
				t.Errorf("%q made <%s> in the page", s, tag)
			} else if tag != "tr" && tag != "th" && tag != "td" && tag != "rect" && tag != "text" && tag != "figure" && tag != "svg" &&
				tag != "title" && tag != "desc" && tag != "g" && tag != "line" && tag != "figcaption" && tag != "table" &&
				tag != "caption" && tag != "thead" && tag != "tbody" && tag != "colgroup" && tag != "col" && tag != "p" && n != want[tag] {
				t.Errorf("%q changed the number of <%s>: %d, want %d", s, tag, n, want[tag])
			}
		}
		if bytes.ContainsAny(page, "\x00\x1b\a") {
			t.Errorf("%q left a control character in the page", s)
		}
		data := report.Export(r, "docx")
		wellFormed(t, data)
		if bytes.Contains([]byte(docxPart(t, data, "word/document.xml")), []byte("<w:r><w:t>")) {
			t.Errorf("%q opened a run of its own in the Word document", s)
		}
		// Charts are code blocks, where text is shown as typed and
		// never read as markup; outside them < must be escaped.
		md := regexp.MustCompile("(?s)```text\n.*?\n```").ReplaceAll(report.Export(r, "md"), nil)
		if regexp.MustCompile(`[^\\]<script`).Match(md) {
			t.Errorf("%q reached the markdown unescaped", s)
		}
	}
}
