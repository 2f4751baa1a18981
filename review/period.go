package review

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Period is the time a result covers: a financial year (April to March,
// the year landlords report Tenant Satisfaction Measures for), a quarter
// of one, a calendar year or a month.
type Period struct {
	Start  int // first month, counted as year*12 + month-1
	Months int // 12, 3 or 1
	// Financial marks April-to-March years and their quarters.
	Financial bool
}

var (
	finYearRe = regexp.MustCompile(`^(?:fy ?)?(\d{4}) ?[/-] ?(\d{2}|\d{4})$`)
	quarterRe = regexp.MustCompile(`^(?:(?:fy ?)?(\d{4}) ?[/-] ?(\d{2}|\d{4}),? ?q([1-4])|q([1-4]),? ?(?:fy ?)?(\d{4}) ?[/-] ?(\d{2}|\d{4}))$`)
	calYearRe = regexp.MustCompile(`^(\d{4})$`)
	isoMonth  = regexp.MustCompile(`^(\d{4})-(\d{2})$`)
	wordMonth = regexp.MustCompile(`^([a-z]+) (\d{4})$`)
)

// ParsePeriod reads a period as panels write it: "2023/24", "2023-24" or
// "2023/2024" (a financial year), "2023/24 Q1" or "Q1 2023/24" (April to
// June 2023), "2023" (a calendar year), "2024-03", "Mar 2024" or "March
// 2024" (a month). Period.String gives the canonical form.
func ParsePeriod(s string) (Period, error) {
	if p, ok := parseCanonical(s); ok {
		return p, nil
	}
	t := strings.ToLower(strings.Join(strings.Fields(s), " "))
	if t == "" {
		return Period{}, errors.New("the period is empty; write a year such as 2023/24, a quarter such as 2023/24 Q1, or a month such as March 2024")
	}
	finStart := func(a, b string) (int, bool) {
		y, _ := strconv.Atoi(a)
		e, _ := strconv.Atoi(b)
		if len(b) == 2 {
			e += y / 100 * 100
			if e < y {
				e += 100
			}
		}
		return y, e == y+1 && y >= 1900 && y < 2200
	}
	if m := quarterRe.FindStringSubmatch(t); m != nil {
		a, b, q := m[1], m[2], m[3]
		if a == "" {
			a, b, q = m[5], m[6], m[4]
		}
		y, ok := finStart(a, b)
		if !ok {
			return Period{}, errors.New("in " + strconv.Quote(s) + " the second year should follow the first, as in 2023/24")
		}
		n, _ := strconv.Atoi(q)
		return Period{Start: y*12 + 3 + (n-1)*3, Months: 3, Financial: true}, nil
	}
	if m := finYearRe.FindStringSubmatch(t); m != nil {
		y, ok := finStart(m[1], m[2])
		if !ok {
			if len(m[2]) == 2 {
				if mo, err := strconv.Atoi(m[2]); err == nil && mo >= 1 && mo <= 12 && strings.Contains(t, "-") {
					return month(m[1], mo, s)
				}
			}
			return Period{}, errors.New("in " + strconv.Quote(s) + " the second year should follow the first, as in 2023/24")
		}
		return Period{Start: y*12 + 3, Months: 12, Financial: true}, nil
	}
	if m := calYearRe.FindStringSubmatch(t); m != nil {
		y, _ := strconv.Atoi(m[1])
		if y < 1900 || y >= 2200 {
			return Period{}, errors.New(strconv.Quote(s) + " is not a year this app can use")
		}
		return Period{Start: y * 12, Months: 12}, nil
	}
	if m := isoMonth.FindStringSubmatch(t); m != nil {
		mo, _ := strconv.Atoi(m[2])
		return month(m[1], mo, s)
	}
	if m := wordMonth.FindStringSubmatch(t); m != nil {
		for i := time.January; i <= time.December; i++ {
			name := strings.ToLower(i.String())
			if m[1] == name || (len(m[1]) >= 3 && strings.HasPrefix(name, m[1])) {
				return month(m[2], int(i), s)
			}
		}
	}
	return Period{}, errors.New(strconv.Quote(s) + " is not a period: write a year such as 2023/24, a quarter such as 2023/24 Q1, or a month such as March 2024")
}

// parseCanonical reads the forms String writes, without regular
// expressions: stored periods are all canonical, and a scorecard reads
// thousands of them each time it is drawn.
func parseCanonical(s string) (Period, bool) {
	digits := func(s string) (int, bool) {
		n := 0
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return 0, false
			}
			n = n*10 + int(s[i]-'0')
		}
		return n, len(s) > 0
	}
	year := func(s string) (int, bool) {
		y, ok := digits(s)
		return y, ok && len(s) == 4 && y >= 1900 && y < 2200
	}
	switch {
	case len(s) == 4:
		if y, ok := year(s); ok {
			return Period{Start: y * 12, Months: 12}, true
		}
	case (len(s) == 7 || len(s) == 10) && s[4] == '/':
		y, ok := year(s[:4])
		e, ok2 := digits(s[5:7])
		if !ok || !ok2 || e != (y+1)%100 {
			return Period{}, false
		}
		if len(s) == 7 {
			return Period{Start: y*12 + 3, Months: 12, Financial: true}, true
		}
		if s[7:9] != " Q" || s[9] < '1' || s[9] > '4' {
			return Period{}, false
		}
		return Period{Start: y*12 + 3 + int(s[9]-'1')*3, Months: 3, Financial: true}, true
	}
	name, y, ok := strings.Cut(s, " ")
	if !ok {
		return Period{}, false
	}
	yr, ok := year(y)
	if !ok {
		return Period{}, false
	}
	for m := time.January; m <= time.December; m++ {
		if name == m.String() {
			return Period{Start: yr*12 + int(m) - 1, Months: 1}, true
		}
	}
	return Period{}, false
}

func month(year string, mo int, s string) (Period, error) {
	y, _ := strconv.Atoi(year)
	if mo < 1 || mo > 12 || y < 1900 || y >= 2200 {
		return Period{}, errors.New(strconv.Quote(s) + " is not a month: write it as March 2024 or 2024-03")
	}
	return Period{Start: y*12 + mo - 1, Months: 1}, nil
}

// String is the canonical form: "2023/24", "2023/24 Q1", "2023", "March 2024".
func (p Period) String() string {
	y, mo := p.Start/12, p.Start%12
	switch {
	case p.Months == 12 && p.Financial:
		return finYear(y)
	case p.Months == 3 && p.Financial:
		fy := y
		if mo < 3 {
			fy--
		}
		q := ((mo-3)%12+12)%12/3 + 1
		return finYear(fy) + " Q" + strconv.Itoa(q)
	case p.Months == 12:
		return strconv.Itoa(y)
	}
	return time.Month(mo+1).String() + " " + strconv.Itoa(y)
}

func finYear(y int) string {
	e := (y + 1) % 100
	return strconv.Itoa(y) + "/" + string(rune('0'+e/10)) + string(rune('0'+e%10))
}

// Before orders periods by their start, and a longer one first when two
// start together (a year before its first quarter).
func (p Period) Before(q Period) bool {
	if p.Start != q.Start {
		return p.Start < q.Start
	}
	return p.Months > q.Months
}

// CanonicalPeriod returns s in canonical form, or the reason it cannot be
// read.
func CanonicalPeriod(s string) (string, error) {
	p, err := ParsePeriod(s)
	if err != nil {
		return "", err
	}
	return p.String(), nil
}

// FinancialYearOf is the financial year a date falls in: 15 May 2024 is
// in 2024/25, 15 February 2024 in 2023/24.
func FinancialYearOf(d Date) Period {
	y := d.Year
	if d.Month < time.April {
		y--
	}
	return Period{Start: y*12 + 3, Months: 12, Financial: true}
}
