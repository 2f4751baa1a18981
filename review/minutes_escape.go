package review

import "strings"

// These stand in for the shared escaping helpers of markdown.go until they
// land; minutes switch to those then and this file goes.

var mdSpecials = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`",
	"[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`, "|", `\|`, "#", `\#`)

func mdInline(s string) string {
	s = strings.Join(strings.Fields(strings.Map(dropControl, s)), " ")
	s = mdSpecials.Replace(s)
	// A line starting "1. " or "- " would turn into a list.
	if len(s) > 0 && (s[0] == '-' || s[0] == '+') {
		s = `\` + s
	}
	return s
}

func mdCell(s string) string    { return mdInline(s) }
func mdHeading(s string) string { return mdInline(s) }

func dropControl(r rune) rune {
	if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
		if r == '\n' || r == '\t' {
			return ' '
		}
		return -1
	}
	return r
}
