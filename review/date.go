package review

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar day with no time zone. The zero Date means "not set".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// D builds a Date.
func D(y int, m time.Month, d int) Date { return Date{y, m, d} }

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d == Date{} }

// String returns the ISO form "2019-05-02", or "" when unset. This is the
// form stored in the database and written to bundles.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Long returns the form used in the report: "Thursday 2 May 2019".
func (d Date) Long() string {
	if d.IsZero() {
		return ""
	}
	return d.time().Format("Monday 2 January 2006")
}

// Short returns "2 May 2019".
func (d Date) Short() string {
	if d.IsZero() {
		return ""
	}
	return d.time().Format("2 January 2006")
}

// Before reports whether d is strictly earlier than o.
func (d Date) Before(o Date) bool { return d.time().Before(o.time()) }

func (d Date) time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// FromTime returns the calendar day of t in its own location.
func FromTime(t time.Time) Date { return Date{t.Year(), t.Month(), t.Day()} }

var dateLayouts = []string{"2006-01-02", "2/1/2006", "02/01/2006", "2 January 2006", "2 Jan 2006", "January 2 2006", "2-1-2006"}

// ParseDate reads a date typed by a volunteer: "2019-05-02", "2/5/2019" (day
// first, as in the UK), "2 May 2019". Blank means unset. The error message is
// written for the person who typed it.
func ParseDate(s string) (Date, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return Date{}, nil
	}
	// Ordinals such as "2nd May 2019" are common in minutes.
	clean := t
	for _, suf := range []string{"st ", "nd ", "rd ", "th "} {
		if i := strings.Index(clean, suf); i > 0 && clean[i-1] >= '0' && clean[i-1] <= '9' {
			clean = clean[:i] + " " + clean[i+len(suf):]
		}
	}
	clean = strings.Join(strings.Fields(strings.ReplaceAll(clean, ",", " ")), " ")
	for _, layout := range dateLayouts {
		if tm, err := time.Parse(layout, clean); err == nil {
			return FromTime(tm), nil
		}
	}
	// Weekday names are allowed in front: "Thursday 2 May 2019".
	if f := strings.Fields(clean); len(f) == 4 {
		if tm, err := time.Parse("Monday 2 January 2006", clean); err == nil {
			return FromTime(tm), nil
		}
		if tm, err := time.Parse("2 January 2006", strings.Join(f[1:], " ")); err == nil {
			return FromTime(tm), nil
		}
	}
	if msg := impossibleDate(clean); msg != "" {
		return Date{}, fmt.Errorf("%s", msg)
	}
	return Date{}, fmt.Errorf("%q is not a date I can read: type it like 2019-05-02 or 2 May 2019", t)
}

var (
	numericDate = lazyRegexp(`^(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})$`)
	wordDate    = lazyRegexp(`^(?:[A-Za-z]+ )?(\d{1,2}) ([A-Za-z]+) (\d{4})$`)
)

// impossibleDate explains why a date that has the right shape does not
// exist (31 February, month 13), so the volunteer knows what to correct
// instead of being told the format is wrong.
func impossibleDate(s string) string {
	var y, m, d int
	if g := numericDate().FindStringSubmatch(s); g != nil {
		a, _ := strconv.Atoi(g[1])
		b, _ := strconv.Atoi(g[2])
		c, _ := strconv.Atoi(g[3])
		if len(g[1]) == 4 {
			y, m, d = a, b, c
		} else if len(g[3]) == 4 {
			y, m, d = c, b, a
		} else {
			return ""
		}
	} else if g := wordDate().FindStringSubmatch(s); g != nil {
		d, _ = strconv.Atoi(g[1])
		y, _ = strconv.Atoi(g[3])
		for i := time.January; i <= time.December; i++ {
			name := strings.ToLower(g[2])
			if name == strings.ToLower(i.String()) || (len(name) >= 3 && strings.HasPrefix(strings.ToLower(i.String()), name)) {
				m = int(i)
			}
		}
		if m == 0 {
			return fmt.Sprintf("%q is not the name of a month", g[2])
		}
	} else {
		return ""
	}
	if m < 1 || m > 12 {
		return fmt.Sprintf("There is no month %d: type the day first, then the month, like 2/5/2019 for 2 May 2019", m)
	}
	last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if d < 1 || d > last {
		return fmt.Sprintf("%s %d has only %d days, so day %d does not exist", time.Month(m), y, last, d)
	}
	return ""
}

// MustDate parses an ISO date and panics on error; for literals in code.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}
