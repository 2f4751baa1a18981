package store

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"scrutiny/review"
)

// BundleFormat and BundleVersion identify a scrutiny bundle; a reader
// refuses anything else, and any newer version.
const (
	BundleFormat  = "scrutiny-bundle"
	BundleVersion = 1
)

// Each table's file holds its part of the bundle: a b* struct whose JSON
// field names are the documented format (see "Store rules" in
// ARCHITECTURE.md), and the conversions to and from it. Add fields, never
// rename them: a bundle must still import into every later version.

// levelWord is how a bundle writes a level: its word, or nothing when
// it was not scored.
func levelWord(l review.Level) string {
	if l == review.LevelNone {
		return ""
	}
	return l.String()
}

// Limits that keep a hostile or broken bundle from exhausting memory or
// the disk; real reviews are far below them.
const (
	maxBundleBytes = 2 << 30
	maxIDLen       = 100
	maxListLen     = 1 << 20
)

// bundleError explains what is wrong with a bundle in plain English.
func bundleError(format string, a ...any) error {
	return &plainError{msg: "This bundle cannot be imported: " + fmt.Sprintf(format, a...) + ". Nothing was changed.", cause: []error{ErrBundle}}
}

// ErrBundle is wrapped by errors about what is in a bundle (not about the
// database it was being imported into).
var ErrBundle = errors.New("the bundle cannot be imported")

// checker validates IDs as it converts, collecting the first problem.
type checker struct {
	where string
	err   error
	seen  map[string]bool
}

func (c *checker) id(what, id string) {
	if c.err != nil {
		return
	}
	switch {
	case id == "":
		c.err = bundleError("%s: a %s has no id", c.where, what)
	case len(id) > maxIDLen || !utf8.ValidString(id):
		c.err = bundleError("%s: a %s has an id that is too long or not text", c.where, what)
	case c.seen[what+"\x00"+id]:
		c.err = bundleError("%s: the %s id %q appears twice", c.where, what, id)
	}
	if c.seen == nil {
		c.seen = map[string]bool{}
	}
	c.seen[what+"\x00"+id] = true
}

func (c *checker) date(s string) review.Date {
	d, err := parseISO(s)
	if err != nil && c.err == nil {
		c.err = bundleError("%s: %v", c.where, err)
	}
	return d
}

// word checks that v is one of the allowed words (or empty: the bundle
// leaves out a default). A word the app does not know would be shown and
// printed as it is, so it is refused like any other damage.
func word[T ~string](c *checker, what string, v T, allowed []T) T {
	if v == "" || c.err != nil || slices.Contains(allowed, v) {
		return v
	}
	words := make([]string, len(allowed))
	for i, a := range allowed {
		words[i] = fmt.Sprintf("%q", string(a))
	}
	shown := []rune(review.CleanLine(string(v)))
	if len(shown) > 40 {
		shown = append(shown[:39], '…')
	}
	c.err = bundleError("%s: the %s %q is not one of %s", c.where, what, string(shown), strings.Join(words, ", "))
	return v
}

func (c *checker) fail(err error) {
	if err != nil && c.err == nil {
		c.err = bundleError("%s: %v", c.where, err)
	}
}

func (c *checker) list(what string, n int) {
	if n > maxListLen && c.err == nil {
		c.err = bundleError("%s: too many %s (%d)", c.where, what, n)
	}
}

// fromBundle converts a bundle list with f, which reports problems to c;
// an empty list gives nil, so an imported value equals the exported one.
func fromBundle[B, T any](c *checker, bs []B, f func(*checker, B) T) []T {
	var out []T
	for _, b := range bs {
		out = append(out, f(c, b))
	}
	return out
}

func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

func nilIfEmptyMap(m map[string]string) map[string]string {
	if len(m) == 0 {
		return nil
	}
	return m
}
