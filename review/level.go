package review

import (
	"fmt"
	"strings"
)

// Level is a score on the panel's four-point scale. Ratings are always shown
// as a word with a symbol so they never depend on colour alone.
type Level int

const (
	LevelNone Level = iota
	Poor
	Fair
	Good
	Excellent
)

// Levels lists the four scored levels from lowest to highest.
var Levels = []Level{Poor, Fair, Good, Excellent}

var levelWords = [...]string{"not scored", "poor", "fair", "good", "excellent"}

// Symbols are plain characters that survive monochrome terminals, screen
// readers and pandoc: one to four filled blocks out of four.
var levelSymbols = [...]string{"····", "■···", "■■··", "■■■·", "■■■■"}

// String returns the lower-case word: "poor", "fair", "good", "excellent".
func (l Level) String() string {
	if l < LevelNone || l > Excellent {
		return fmt.Sprintf("level(%d)", int(l))
	}
	return levelWords[l]
}

// Title returns the word with a capital first letter: "Good".
func (l Level) Title() string {
	s := l.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

// Symbol returns a four-cell gauge such as "■■■·".
func (l Level) Symbol() string {
	if l < LevelNone || l > Excellent {
		return levelSymbols[0]
	}
	return levelSymbols[l]
}

// Label returns the word and the symbol together: "■■■· Good".
func (l Level) Label() string { return l.Symbol() + " " + l.Title() }

// Valid reports whether l is one of the four scored levels.
func (l Level) Valid() bool { return l >= Poor && l <= Excellent }

// ParseLevel accepts a level word in any case, or a digit 1-4.
func ParseLevel(s string) (Level, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	switch t {
	case "1", "poor":
		return Poor, nil
	case "2", "fair":
		return Fair, nil
	case "3", "good":
		return Good, nil
	case "4", "excellent":
		return Excellent, nil
	case "", "0", "none", "not scored":
		return LevelNone, nil
	}
	return LevelNone, fmt.Errorf("%q is not a score: use poor, fair, good or excellent", s)
}
