// Package present connects the editor on the facilitator's laptop to the
// projected window on the wall. The editor publishes where it is as a
// setting in the database; `scrutiny present`, a read-only second window on
// the same file, notices every commit through the store's data version and
// redraws. Nothing but the database file passes between the two, so they
// never lock each other out: SQLite's write-ahead log lets the reader read
// while the editor writes.
package present

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"scrutiny/store"
)

// SettingKey is where the editor's position is kept.
const SettingKey = "editor.position"

// Position is what the editor is showing, for the present window to follow.
type Position struct {
	ReviewID string `json:"review,omitempty"`
	// Tab is the tab the editor has open, by its name in ui's tab table:
	// "overview", "evidence", "findings", "surveys", "recommendations",
	// "criteria", "judgement", "meetings"... The JSON key stays "stage", as
	// it was first written, so a wall of an older version still follows.
	Tab string `json:"stage,omitempty"`
	// ItemKind and ItemID name the item under the cursor: ItemKind is one of
	// the Item* constants below.
	ItemKind string `json:"kind,omitempty"`
	ItemID   string `json:"id,omitempty"`
	// Since is when the current agenda item began (Unix milliseconds), so
	// the wall can show its timer; zero when no timer runs.
	Since int64 `json:"since,omitempty"`
	// Draft is text the facilitator is typing and has not saved yet, so the
	// room reads the recommendation as it is drafted. DraftOf says what it
	// replaces: "text" for the recommendation itself, or a sub-point's ID.
	Draft   string `json:"draft,omitempty"`
	DraftOf string `json:"draftOf,omitempty"`
}

// Item kinds the present window knows how to show.
const (
	ItemCriterion      = "criterion"
	ItemRecommendation = "recommendation"
	ItemFinding        = "finding"
	ItemEvidence       = "evidence"
	ItemStandards      = "standards" // the whole table; ItemID unused
	ItemStandard       = "standard"
	ItemSurvey         = "survey"
	ItemQuestion       = "question" // ItemID is "surveyID/questionID"
	ItemJudgement      = "judgement"
	ItemMeeting        = "meeting"
	ItemAgenda         = "agenda" // ItemID is "meetingID/index" (0-based)
)

// QuestionItem builds the ItemID of a survey question.
func QuestionItem(surveyID, questionID string) string { return surveyID + "/" + questionID }

// AgendaItem builds the ItemID of a meeting's agenda item.
func AgendaItem(meetingID string, index int) string { return fmt.Sprintf("%s/%d", meetingID, index) }

// Publisher records where one editor is, for the wall to follow. It
// remembers what it last wrote, so the UI may publish after every key press
// and only a real move reaches the database.
//
// Every write is a durable commit, one disk sync: twenty presses of ↓
// would be twenty syncs, each a few milliseconds on a laptop's disk, in
// the key's path. Post takes them off it: the newest position is written
// by a goroutine of its own, at most once per PostGap, so the wall follows
// within about PostGap plus one sync and the editor never waits.
type Publisher struct {
	st *store.Store

	mu      sync.Mutex
	idle    *sync.Cond // signalled when the writer stops
	last    string     // what the database holds, as far as we know
	known   bool       // last was read from the database (or written)
	want    string     // the newest position posted
	busy    bool       // the writer goroutine is running
	wrote   time.Time  // when the writer last wrote
	lastErr error      // the writer's last failure, reported once
}

// PostGap is the least time between two positions written by Post.
const PostGap = 200 * time.Millisecond

// NewPublisher publishes positions into st; a nil or read-only store
// publishes nothing.
func NewPublisher(st *store.Store) *Publisher {
	p := &Publisher{st: st}
	p.idle = sync.NewCond(&p.mu)
	return p
}

func (p *Publisher) inactive() bool { return p == nil || p.st == nil || p.st.ReadOnly() }

// Publish writes pos now, when it differs from the last one written.
func (p *Publisher) Publish(ctx context.Context, pos Position) error {
	if p.inactive() {
		return nil
	}
	b, err := json.Marshal(pos)
	if err != nil {
		return err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for p.busy {
		p.idle.Wait()
	}
	p.want = string(b)
	if p.last == p.want {
		return nil
	}
	if err := p.st.SetSetting(ctx, SettingKey, p.want); err != nil {
		return err
	}
	p.last, p.known = p.want, true
	return nil
}

// Post is Publish without waiting: pos is written soon by the writer
// goroutine, or replaced by a newer position first. The error is an
// earlier write's failure, if any; the wall just lags meanwhile.
func (p *Publisher) Post(ctx context.Context, pos Position) error {
	if p.inactive() {
		return nil
	}
	b, err := json.Marshal(pos)
	if err != nil {
		return err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.want = string(b)
	err, p.lastErr = p.lastErr, nil
	if p.want != p.last && !p.busy {
		p.busy = true
		go p.write(context.WithoutCancel(ctx))
	}
	return err
}

// write writes the newest posted position until the database holds it,
// waiting PostGap between writes. It stops at a failure; the next Post
// tries again.
func (p *Publisher) write(ctx context.Context) {
	p.mu.Lock()
	defer p.mu.Unlock()
	defer p.idle.Broadcast()
	if !p.known {
		// What the last session left: the editor's first position (the
		// home screen, most often) is usually already there, and a write
		// would be a disk sync and, being the store's first, its check of
		// the whole file, at start for nothing.
		p.mu.Unlock()
		stored, err := p.st.Setting(ctx, SettingKey)
		p.mu.Lock()
		if err == nil {
			if stored == "" {
				stored = noPosition
			}
			p.last, p.known = stored, true
		}
	}
	for p.want != p.last {
		if wait := PostGap - time.Since(p.wrote); wait > 0 {
			p.mu.Unlock()
			time.Sleep(wait)
			p.mu.Lock()
			continue
		}
		v := p.want
		p.mu.Unlock()
		err := p.st.SetSetting(ctx, SettingKey, v)
		p.mu.Lock()
		p.wrote = time.Now()
		if err != nil {
			p.lastErr = err
			break
		}
		p.last, p.known = v, true
	}
	p.busy = false
}

// noPosition is the zero Position as Post writes it, which is what a file
// that holds none means too (ReadPosition).
const noPosition = "{}"

// Flush waits until every posted position is written (or has failed), so
// the last place the editor was is on the wall before it closes.
func (p *Publisher) Flush() error {
	if p.inactive() {
		return nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for p.busy {
		p.idle.Wait()
	}
	err := p.lastErr
	p.lastErr = nil
	return err
}

// ReadPosition returns the editor's last published position; a zero
// Position when none was published yet.
func ReadPosition(ctx context.Context, st *store.Store) (Position, error) {
	s, err := st.Setting(ctx, SettingKey)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return Position{}, err
	}
	var p Position
	if strings.TrimSpace(s) == "" {
		return p, nil
	}
	if err := json.Unmarshal([]byte(s), &p); err != nil {
		// A damaged setting must not stop the wall; show the overview.
		return Position{}, nil
	}
	return p, nil
}
