-- Schema version 1. Lists that belong to one item (links, sub-points,
-- attendees, answers...) are JSON columns: an item is always read and
-- written whole, so one row per item keeps loads and saves to one seek.
-- Every row has a stable UUIDv7 text ID; deleted_at (unix ms) marks the bin.

CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE members (
	id         TEXT PRIMARY KEY,
	position   INTEGER NOT NULL,
	name       TEXT NOT NULL DEFAULT '',
	role       TEXT NOT NULL DEFAULT '',
	joined_on  TEXT NOT NULL DEFAULT '',
	left_on    TEXT NOT NULL DEFAULT '',
	notes      TEXT NOT NULL DEFAULT '',
	deleted_at INTEGER
);

CREATE TABLE reviews (
	id                    TEXT PRIMARY KEY,
	topic                 TEXT NOT NULL DEFAULT '',
	service_area          TEXT NOT NULL DEFAULT '',
	why_area              TEXT NOT NULL DEFAULT '',
	start_on              TEXT NOT NULL DEFAULT '',
	end_on                TEXT NOT NULL DEFAULT '',
	board_on              TEXT NOT NULL DEFAULT '',
	stage                 TEXT NOT NULL DEFAULT '',
	introduction          TEXT NOT NULL DEFAULT '',
	approach              TEXT NOT NULL DEFAULT '',
	summary               TEXT NOT NULL DEFAULT '',
	aim                   TEXT NOT NULL DEFAULT '',
	objectives            TEXT NOT NULL DEFAULT '[]',
	focus_areas           TEXT NOT NULL DEFAULT '[]',
	out_of_scope          TEXT NOT NULL DEFAULT '[]',
	judgement_level       INTEGER NOT NULL DEFAULT 0,
	judgement_word        TEXT NOT NULL DEFAULT '',
	judgement_explanation TEXT NOT NULL DEFAULT '',
	archived              INTEGER NOT NULL DEFAULT 0,
	member_ids            TEXT NOT NULL DEFAULT '[]',
	updated_at            INTEGER NOT NULL DEFAULT 0,
	deleted_at            INTEGER
);

CREATE TABLE meetings (
	id         TEXT PRIMARY KEY,
	review_id  TEXT NOT NULL REFERENCES reviews(id),
	position   INTEGER NOT NULL,
	deleted_at INTEGER,
	held_on    TEXT NOT NULL DEFAULT '',
	start_time TEXT NOT NULL DEFAULT '',
	end_time   TEXT NOT NULL DEFAULT '',
	venue      TEXT NOT NULL DEFAULT '',
	attendees  TEXT NOT NULL DEFAULT '[]',
	apologies  TEXT NOT NULL DEFAULT '[]',
	agenda     TEXT NOT NULL DEFAULT '[]',
	notes      TEXT NOT NULL DEFAULT '',
	decisions  TEXT NOT NULL DEFAULT '[]',
	expenses   TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX meetings_by_review ON meetings(review_id, deleted_at, position);

CREATE TABLE evidence (
	id         TEXT PRIMARY KEY,
	review_id  TEXT NOT NULL REFERENCES reviews(id),
	position   INTEGER NOT NULL,
	deleted_at INTEGER,
	kind       TEXT NOT NULL DEFAULT '',
	title      TEXT NOT NULL DEFAULT '',
	held_on    TEXT NOT NULL DEFAULT '',
	who        TEXT NOT NULL DEFAULT '',
	notes      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX evidence_by_review ON evidence(review_id, deleted_at, position);

CREATE TABLE findings (
	id           TEXT PRIMARY KEY,
	review_id    TEXT NOT NULL REFERENCES reviews(id),
	position     INTEGER NOT NULL,
	deleted_at   INTEGER,
	kind         TEXT NOT NULL DEFAULT '',
	body         TEXT NOT NULL DEFAULT '',
	evidence_ids TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX findings_by_review ON findings(review_id, deleted_at, position);

CREATE TABLE standards (
	id          TEXT PRIMARY KEY,
	review_id   TEXT NOT NULL REFERENCES reviews(id),
	position    INTEGER NOT NULL,
	deleted_at  INTEGER,
	promise     TEXT NOT NULL DEFAULT '',
	target      TEXT NOT NULL DEFAULT '',
	actual      TEXT NOT NULL DEFAULT '',
	period      TEXT NOT NULL DEFAULT '',
	source      TEXT NOT NULL DEFAULT '',
	verdict     INTEGER NOT NULL DEFAULT 0,
	evidence_id TEXT NOT NULL DEFAULT ''
);
CREATE INDEX standards_by_review ON standards(review_id, deleted_at, position);

CREATE TABLE surveys (
	id          TEXT PRIMARY KEY,
	review_id   TEXT NOT NULL REFERENCES reviews(id),
	position    INTEGER NOT NULL,
	deleted_at  INTEGER,
	name        TEXT NOT NULL DEFAULT '',
	held_on     TEXT NOT NULL DEFAULT '',
	channel     TEXT NOT NULL DEFAULT '',
	sent        INTEGER NOT NULL DEFAULT 0,
	evidence_id TEXT NOT NULL DEFAULT '',
	high        INTEGER NOT NULL DEFAULT 0,
	low         INTEGER NOT NULL DEFAULT 0,
	questions   TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX surveys_by_review ON surveys(review_id, deleted_at, position);

-- One row per respondent with all their answers as one JSON object keyed by
-- question ID: a million answers become a hundred thousand small rows.
CREATE TABLE respondents (
	id         TEXT PRIMARY KEY,
	survey_id  TEXT NOT NULL REFERENCES surveys(id),
	position   INTEGER NOT NULL,
	deleted_at INTEGER,
	attrs      TEXT NOT NULL DEFAULT '{}',
	answers    TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX respondents_by_survey ON respondents(survey_id, deleted_at, position);

CREATE TABLE recommendations (
	id             TEXT PRIMARY KEY,
	review_id      TEXT NOT NULL REFERENCES reviews(id),
	position       INTEGER NOT NULL,
	deleted_at     INTEGER,
	body           TEXT NOT NULL DEFAULT '',
	sub_points     TEXT NOT NULL DEFAULT '[]',
	finding_ids    TEXT NOT NULL DEFAULT '[]',
	board_response TEXT NOT NULL DEFAULT '',
	actions        TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX recommendations_by_review ON recommendations(review_id, deleted_at, position);

CREATE TABLE criteria (
	id         TEXT PRIMARY KEY,
	review_id  TEXT NOT NULL REFERENCES reviews(id),
	position   INTEGER NOT NULL,
	deleted_at INTEGER,
	name       TEXT NOT NULL DEFAULT '',
	level      INTEGER NOT NULL DEFAULT 0,
	rationale  TEXT NOT NULL DEFAULT '',
	votes      TEXT NOT NULL DEFAULT '[0,0,0,0,0]'
);
CREATE INDEX criteria_by_review ON criteria(review_id, deleted_at, position);
