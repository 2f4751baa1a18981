package store

import (
	"context"
	"database/sql"

	"scrutiny/review"
)

var meetingTable = table{
	name: "meetings", parent: "review_id", what: "meeting", label: "held_on || ' ' || venue",
	cols: []string{"held_on", "start_time", "end_time", "venue", "attendees", "apologies", "agenda", "notes", "decisions", "expenses"},
}

func meetingVals(m *review.Meeting) []any {
	return []any{m.Date.String(), m.StartTime, m.EndTime, m.Venue, js(m.Attendees), js(m.Apologies),
		js(agendaTo(m.Agenda)), m.Notes, js(m.Decisions), js(expensesTo(m.Expenses))}
}

func scanMeeting(rows *sql.Rows) (review.Meeting, error) {
	var m review.Meeting
	var date, att, apo, agenda, dec, exp string
	if err := rows.Scan(&m.ID, &date, &m.StartTime, &m.EndTime, &m.Venue, &att, &apo, &agenda, &m.Notes, &dec, &exp); err != nil {
		return m, err
	}
	var err error
	if m.Date, err = parseISO(date); err != nil {
		return m, err
	}
	for _, l := range []struct {
		src string
		dst *[]string
	}{{att, &m.Attendees}, {apo, &m.Apologies}, {dec, &m.Decisions}} {
		if *l.dst, err = strList(l.src); err != nil {
			return m, err
		}
	}
	var ja []jAgenda
	var je []jExpense
	if err := unjs(agenda, &ja); err != nil {
		return m, err
	}
	if err := unjs(exp, &je); err != nil {
		return m, err
	}
	m.Agenda, m.Expenses = agendaFrom(ja), expensesFrom(je)
	return m, nil
}

var (
	upsertMeeting = hot(meetingTable.upsertSQL())
	importMeeting = meetingTable.importSQL(1)
	// Meetings read in date order, undated ones last, whatever order
	// they were added in.
	qMeetings = hot(meetingTable.selectSQL("held_on = '', held_on, start_time, position, rowid"))
)

// SaveMeeting inserts or updates a meeting of a review.
func (s *Store) SaveMeeting(ctx context.Context, reviewID string, m *review.Meeting) error {
	if err := m.CheckLimits(); err != nil {
		return limitError("meeting", err)
	}
	return s.saveItem(ctx, meetingTable, upsertMeeting, reviewID, &m.ID, meetingVals(m))
}

func loadMeetings(ctx context.Context, tx *wtx, r *review.Review) error {
	return loadList(ctx, tx, qMeetings, r.ID, scanMeeting, &r.Meetings)
}

// The agenda and expense shapes are both the JSON of their columns and
// part of the bundle, so the two cannot drift apart.

type jAgenda struct {
	Title   string `json:"title"`
	Minutes int    `json:"minutes,omitempty"`
	Notes   string `json:"notes,omitempty"`
}

type jExpense struct {
	MemberID    string `json:"member_id"`
	Description string `json:"description,omitempty"`
	Pence       int64  `json:"pence"`
}

func agendaTo(a []review.AgendaItem) []jAgenda {
	return convert(a, func(x review.AgendaItem) jAgenda { return jAgenda{x.Title, x.Minutes, x.Notes} })
}

func agendaFrom(a []jAgenda) []review.AgendaItem {
	return convert(a, func(x jAgenda) review.AgendaItem {
		return review.AgendaItem{Title: x.Title, Minutes: x.Minutes, Notes: x.Notes}
	})
}

func expensesTo(a []review.Expense) []jExpense {
	return convert(a, func(x review.Expense) jExpense { return jExpense{x.MemberID, x.Description, x.Pence} })
}

func expensesFrom(a []jExpense) []review.Expense {
	return convert(a, func(x jExpense) review.Expense {
		return review.Expense{MemberID: x.MemberID, Description: x.Description, Pence: x.Pence}
	})
}

type bMeeting struct {
	ID        string     `json:"id"`
	Date      string     `json:"date,omitempty"`
	StartTime string     `json:"start_time,omitempty"`
	EndTime   string     `json:"end_time,omitempty"`
	Venue     string     `json:"venue,omitempty"`
	Attendees []string   `json:"attendees,omitempty"`
	Apologies []string   `json:"apologies,omitempty"`
	Agenda    []jAgenda  `json:"agenda,omitempty"`
	Notes     string     `json:"notes,omitempty"`
	Decisions []string   `json:"decisions,omitempty"`
	Expenses  []jExpense `json:"expenses,omitempty"`
}

func meetingTo(m review.Meeting) bMeeting {
	return bMeeting{m.ID, m.Date.String(), m.StartTime, m.EndTime, m.Venue,
		m.Attendees, m.Apologies, agendaTo(m.Agenda), m.Notes, m.Decisions, expensesTo(m.Expenses)}
}

func meetingFrom(c *checker, b bMeeting) review.Meeting {
	c.id("meeting", b.ID)
	return review.Meeting{ID: b.ID, Date: c.date(b.Date), StartTime: b.StartTime, EndTime: b.EndTime, Venue: b.Venue,
		Attendees: nilIfEmpty(b.Attendees), Apologies: nilIfEmpty(b.Apologies), Agenda: agendaFrom(b.Agenda),
		Notes: b.Notes, Decisions: nilIfEmpty(b.Decisions), Expenses: expensesFrom(b.Expenses)}
}
