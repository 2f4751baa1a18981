package store

import (
	"context"
	"database/sql"
	"encoding/json"

	"scrutiny/review"
)

// Members are one roster shared by every review, so their rows have a
// place in the roster but no parent.
var memberTable = table{
	name: "members", what: "member", label: "name",
	cols: []string{"name", "role", "joined_on", "left_on", "notes", "tenure"},
}

func memberVals(m *review.Member) []any {
	return []any{m.Name, string(m.Role), m.Joined.String(), m.Left.String(), m.Notes, string(m.Tenure)}
}

func scanMember(rows *sql.Rows) (review.Member, error) {
	var m review.Member
	var role, joined, left, tenure string
	if err := rows.Scan(&m.ID, &m.Name, &role, &joined, &left, &m.Notes, &tenure); err != nil {
		return m, err
	}
	m.Role, m.Tenure = review.Role(role), review.Tenure(tenure)
	var err error
	if m.Joined, err = parseISO(joined); err != nil {
		return m, err
	}
	m.Left, err = parseISO(left)
	return m, err
}

var (
	selectMembers = "SELECT id" + commaCols(memberTable.cols) + " FROM members WHERE deleted_at IS NULL"
	upsertMember  = "INSERT INTO members (id, position" + commaCols(memberTable.cols) +
		") VALUES (?, (SELECT COALESCE(MAX(position) + 1, 0) FROM members)" + placeholders(len(memberTable.cols)) +
		") ON CONFLICT (id) DO UPDATE SET " + excludedCols(memberTable.cols)
	// A member whose values are all equal is left alone, so RowsAffected
	// tells a change.
	importMember = upsertMember + " WHERE NOT (" + sameCols("members", memberTable.cols) + ")"
)

// SaveMember inserts or updates a roster entry.
func (s *Store) SaveMember(ctx context.Context, m *review.Member) error {
	id := m.ID
	if id == "" {
		id = newID()
	}
	err := s.write(ctx, "save the member", func(tx *wtx) error {
		_, err := tx.ExecContext(ctx, upsertMember, append([]any{id}, memberVals(m)...)...)
		return err
	})
	if err == nil {
		m.ID = id
	}
	return err
}

// ListMembers returns the whole roster, including members who have left,
// in the order they were added (or moved to).
func (s *Store) ListMembers(ctx context.Context) ([]review.Member, error) {
	var out []review.Member
	err := s.read(ctx, "list the members", func(tx *wtx) error {
		var err error
		out, err = roster(ctx, tx)
		return err
	})
	return out, err
}

// roster reads every member not in the bin, in roster order.
func roster(ctx context.Context, tx *wtx) ([]review.Member, error) {
	rows, err := tx.QueryContext(ctx, selectMembers+" ORDER BY position, rowid")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []review.Member
	for rows.Next() {
		m, err := scanMember(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// loadMembers fills r.Members in the order of r.MemberIDs, skipping IDs
// that name no live member.
func loadMembers(ctx context.Context, tx *wtx, r *review.Review) error {
	if len(r.MemberIDs) == 0 {
		return nil
	}
	b, _ := json.Marshal(r.MemberIDs)
	rows, err := tx.QueryContext(ctx, selectMembers+" AND id IN (SELECT value FROM json_each(?))", string(b))
	if err != nil {
		return err
	}
	defer rows.Close()
	byID := map[string]review.Member{}
	for rows.Next() {
		m, err := scanMember(rows)
		if err != nil {
			return err
		}
		byID[m.ID] = m
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, id := range r.MemberIDs {
		if m, ok := byID[id]; ok {
			r.Members = append(r.Members, m)
			delete(byID, id)
		}
	}
	return nil
}

func (im *importer) member(m *review.Member) (bool, error) {
	n, err := im.exec(importMember, append([]any{m.ID}, memberVals(m)...)...)
	return n > 0, err
}

type bMember struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Role   string `json:"role,omitempty"`
	Joined string `json:"joined,omitempty"`
	Left   string `json:"left,omitempty"`
	Notes  string `json:"notes,omitempty"`
	Tenure string `json:"tenure,omitempty"`
}

func memberTo(m review.Member) bMember {
	return bMember{m.ID, m.Name, string(m.Role), m.Joined.String(), m.Left.String(), m.Notes, string(m.Tenure)}
}

func memberFrom(b bMember) (review.Member, error) {
	m := review.Member{ID: b.ID, Name: b.Name, Role: review.Role(b.Role), Notes: b.Notes, Tenure: review.Tenure(b.Tenure)}
	var err error
	if m.Joined, err = parseISO(b.Joined); err != nil {
		return m, err
	}
	m.Left, err = parseISO(b.Left)
	return m, err
}
