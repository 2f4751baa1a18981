package htmlreport

// css is the page's only style sheet, inside the file. Colours meet WCAG
// 2.2 AA: body text #1A1A1A on white is 17:1, notes #404040 are 10:1,
// links #0B4F8A are 8:1, header cells #1A1A1A on #E8E8E8 are 14:1, and
// chart bars are at least 5.3:1 against the page; TestHTMLContrast in
// review/report holds every pair to AA. Sizes are relative, so a reader's
// own zoom and font size still work.
const css = `:root { color: #1A1A1A; background: #FFFFFF; }
body { font-family: Arial, Helvetica, sans-serif; font-size: 12pt; line-height: 1.45; max-width: 52em; margin: 0 auto; padding: 1em 1.5em; }
h1 { font-size: 1.9em; line-height: 1.2; margin: 0.4em 0 0.6em; }
h2 { font-size: 1.45em; border-bottom: 2px solid #1A1A1A; padding-bottom: 0.15em; margin-top: 1.6em; }
h3 { font-size: 1.2em; margin-top: 1.3em; }
h4 { font-size: 1.05em; margin-top: 1.2em; }
a { color: #0B4F8A; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0 1.1em; }
caption { text-align: left; font-weight: bold; padding: 0.2em 0 0.35em; }
th, td { border: 1px solid #595959; padding: 0.3em 0.5em; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
thead th { background: #E8E8E8; }
tbody th { font-weight: normal; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
table.facts th { width: 30%; background: #F2F2F2; font-weight: bold; }
table.figures { font-size: 0.9em; width: auto; min-width: 50%; }
.note { font-size: 0.95em; color: #404040; }
figure.chart { margin: 1em 0 1.4em; }
figure.chart figcaption { font-weight: bold; margin-bottom: 0.3em; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
ol ol { margin-top: 0.3em; }
li { margin-bottom: 0.25em; overflow-wrap: anywhere; }
li p { margin: 0.35em 0 0.6em; }
p { overflow-wrap: anywhere; }
@page { size: A4; margin: 18mm 16mm 20mm;
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-family: Arial, Helvetica, sans-serif; font-size: 9pt; color: #1A1A1A; } }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  .page-break { break-after: page; }
  h2.new-page { break-before: page; }
  h1, h2, h3, h4 { break-after: avoid; }
  tr, li, figure.chart svg, table.facts { break-inside: avoid; }
  thead { display: table-header-group; }
}
`
