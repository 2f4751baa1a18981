// Package accessible runs scrutiny as plain line-by-line questions and
// numbered menus, for screen-reader users and terminals that cannot draw a
// full-screen interface (TERM=dumb). Everything is read from an io.Reader
// and written to an io.Writer, one complete sentence per line, with no
// colour, cursor movement or redrawing, so a screen reader speaks each line
// once, in order.
package accessible

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"scrutiny/review"
	"scrutiny/ui/text"
)

// errQuit ends the session: the person typed q, or the input ended.
var errQuit = errors.New("quit")

// errBack returns to the menu above.
var errBack = errors.New("back")

type prompter struct {
	in  *bufio.Reader
	out io.Writer
	// heard holds the menus already read out in full: coming back to one
	// names it and offers m to hear it again, rather than reading every
	// choice out each time.
	heard map[string]bool
}

func (p *prompter) say(format string, args ...any) {
	fmt.Fprintf(p.out, format+"\n", args...)
}

// line reads one answer. The end of the input quits cleanly, so a script
// piped in ends the session instead of looping. At every question q
// leaves and b goes back, as the session says at its start.
func (p *prompter) line(question string) (string, error) {
	fmt.Fprintf(p.out, "%s\n", question)
	s, err := p.in.ReadString('\n')
	if err != nil && (s == "" || !errors.Is(err, io.EOF)) {
		return "", errQuit
	}
	s = strings.TrimSpace(strings.TrimSuffix(s, "\r"))
	switch strings.ToLower(s) {
	case "q", "quit", "exit":
		return "", errQuit
	case "b", "back":
		return "", errBack
	}
	return s, nil
}

// pick is the sentence that asks for one of n choices.
func pick(n int) string {
	if n == 1 {
		return "Type 1"
	}
	return fmt.Sprintf("Type a number from 1 to %d", n)
}

// text asks for free text; keep is shown and returned when the answer is blank.
func (p *prompter) text(question, keep string) (string, error) {
	if keep != "" {
		question += fmt.Sprintf(" Press Enter to keep: %s", clean(keep))
	}
	s, err := p.line(question)
	if err != nil {
		return "", err
	}
	if s == "" {
		return keep, nil
	}
	return s, nil
}

// required asks until something is typed; typing b goes back.
func (p *prompter) required(question string) (string, error) {
	for {
		s, err := p.line(question + " Type b to go back.")
		if err != nil {
			return "", err
		}
		if s != "" {
			return s, nil
		}
		p.say("Nothing was typed.")
	}
}

// choose shows a numbered menu and returns the 0-based index chosen.
// Typing b returns errBack and q returns errQuit; m reads the menu again.
// A menu already heard is only named.
func (p *prompter) choose(title string, options []string, back string) (int, error) {
	key := title + "\x00" + strings.Join(options, "\x00") + "\x00" + back
	read := func() {
		p.say("%s", title)
		for i, o := range options {
			p.say("%d. %s", i+1, o)
		}
		if back != "" {
			p.say("b. %s", back)
		}
		p.say("q. Quit")
	}
	if p.heard == nil {
		p.heard = map[string]bool{}
	}
	if p.heard[key] {
		p.say("%s Type m to hear the %s again.", title, text.Count(len(options), "choice", "choices"))
	} else {
		read()
		p.heard[key] = true
	}
	for {
		s, err := p.line(pick(len(options)) + " and press Enter.")
		switch {
		case errors.Is(err, errBack) && back == "":
			p.say("This is the first menu, so there is nothing to go back to.")
			continue
		case err != nil:
			return 0, err
		}
		if strings.EqualFold(s, "m") {
			read()
			continue
		}
		if n, err := strconv.Atoi(s); err == nil && n >= 1 && n <= len(options) {
			return n - 1, nil
		}
		if back != "" {
			p.say("Please %s, b to go back, q to quit, or m to hear the choices.", strings.ToLower(pick(len(options))[:1])+pick(len(options))[1:])
		} else {
			p.say("Please %s, q to quit, or m to hear the choices.", strings.ToLower(pick(len(options))[:1])+pick(len(options))[1:])
		}
	}
}

// numbers reads a list such as "1, 3 4" of choices from 1 to n; blank is none.
func (p *prompter) numbers(question string, n int) ([]int, error) {
	for {
		s, err := p.line(question)
		if err != nil {
			return nil, err
		}
		var out []int
		ok := true
		for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' }) {
			v, err := strconv.Atoi(f)
			if err != nil || v < 1 || v > n {
				ok = false
				break
			}
			out = append(out, v-1)
		}
		if ok {
			return out, nil
		}
		if n == 1 {
			p.say("Please type 1, or press Enter for none.")
		} else {
			p.say("Please type numbers from 1 to %d separated by commas, or press Enter for none.", n)
		}
	}
}

// count asks for a whole number of votes, keeping the old one on Enter.
func (p *prompter) count(question string, keep int) (int, error) {
	for {
		s, err := p.line(fmt.Sprintf("%s Now %d; press Enter to keep.", question, keep))
		if err != nil {
			return 0, err
		}
		if s == "" {
			return keep, nil
		}
		if v, err := strconv.Atoi(s); err == nil && v >= 0 && v <= 999 {
			return v, nil
		}
		p.say("Please type a whole number such as 3.")
	}
}

// date asks for a date, keeping the old one on Enter.
func (p *prompter) date(question string, keep review.Date) (review.Date, error) {
	for {
		s, err := p.text(question, keep.Short())
		if err != nil {
			return review.Date{}, err
		}
		if s == keep.Short() {
			return keep, nil
		}
		d, err := review.ParseDate(s)
		if err == nil {
			return d, nil
		}
		p.say("%s. Type b to go back.", capital(err.Error()))
	}
}

// yes asks a yes or no question; Enter means no.
func (p *prompter) yes(question string) (bool, error) {
	s, err := p.line(question + " Type y for yes or n for no.")
	if err != nil {
		return false, err
	}
	s = strings.ToLower(s)
	return s == "y" || s == "yes", nil
}

// clean keeps user text on one line with no terminal control sequences, so
// nothing a volunteer pasted can move the cursor or confuse a screen reader.
func clean(s string) string { return review.CleanLine(s) }

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
