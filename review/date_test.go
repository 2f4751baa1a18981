package review

import (
	"strings"
	"testing"
	"time"
)

func TestParseDateForms(t *testing.T) {
	want := D(2019, time.May, 2)
	for _, in := range []string{"2019-05-02", "2/5/2019", "02/05/2019", "2 May 2019", "2nd May 2019",
		"Thursday 2 May 2019", "Thursday 2nd May 2019", "2 may 2019", " 2 May, 2019 ", "2-5-2019"} {
		got, err := ParseDate(in)
		if err != nil || got != want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if d, err := ParseDate("  "); err != nil || !d.IsZero() {
		t.Errorf("blank: %v, %v", d, err)
	}
}

func TestParseDateExplainsImpossibleDates(t *testing.T) {
	for in, want := range map[string]string{
		"31/02/2019":       "February 2019 has only 28 days",
		"29/02/2020x":      "not a date I can read",
		"30 February 2024": "February 2024 has only 29 days",
		"2019-04-31":       "April 2019 has only 30 days",
		"05/13/2019":       "There is no month 13",
		"2 Maytember 2019": `"Maytember" is not the name of a month`,
		"next tuesday":     "not a date I can read",
	} {
		_, err := ParseDate(in)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseDate(%q) error = %v; want it to say %q", in, err, want)
		}
	}
	if _, err := ParseDate("29/02/2020"); err != nil {
		t.Errorf("29 February 2020 is a real date: %v", err)
	}
}

func TestDateFormats(t *testing.T) {
	d := D(2019, time.May, 2)
	if d.String() != "2019-05-02" || d.Long() != "Thursday 2 May 2019" || d.Short() != "2 May 2019" {
		t.Errorf("got %q %q %q", d.String(), d.Long(), d.Short())
	}
	if (Date{}).String() != "" || (Date{}).Long() != "" {
		t.Error("zero date should print as empty")
	}
	if !D(2019, 1, 10).Before(D(2019, 3, 28)) || D(2019, 3, 28).Before(D(2019, 1, 10)) {
		t.Error("Before is wrong")
	}
}
