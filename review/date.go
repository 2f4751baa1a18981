package review

import (
	"fmt"
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
	return Date{}, fmt.Errorf("%q is not a date I can read: type it like 2019-05-02 or 2 May 2019", t)
}

// MustDate parses an ISO date and panics on error; for literals in code.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}
