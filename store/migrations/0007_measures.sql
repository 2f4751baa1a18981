-- Measures: the Tenant Satisfaction Measures a panel tracks and its own
-- indicators, with their results per period. Measures belong to the
-- panel, like members, so they have a place but no parent; each review
-- lists the ones it reads in measure_ids. Standards can follow a measure
-- and findings can cite measures. Every new column has a default, so
-- older rows read as "no measure".

CREATE TABLE measures (
	id         TEXT PRIMARY KEY,
	position   INTEGER NOT NULL,
	deleted_at INTEGER,
	code       TEXT NOT NULL,
	name       TEXT NOT NULL DEFAULT '',
	counts     TEXT NOT NULL DEFAULT '',
	unit       TEXT NOT NULL DEFAULT '',
	direction  TEXT NOT NULL DEFAULT ''
);
-- A code names one live measure: the import finds measures by it.
CREATE UNIQUE INDEX measures_by_code ON measures(code COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX measures_by_position ON measures(deleted_at, position);

-- target and comparator are NULL when the panel gave none.
CREATE TABLE measure_results (
	id                TEXT PRIMARY KEY,
	measure_id        TEXT NOT NULL REFERENCES measures(id),
	position          INTEGER NOT NULL,
	deleted_at        INTEGER,
	period            TEXT NOT NULL DEFAULT '',
	group_by          TEXT NOT NULL DEFAULT '',
	group_name        TEXT NOT NULL DEFAULT '',
	value             REAL NOT NULL DEFAULT 0,
	base              INTEGER NOT NULL DEFAULT 0,
	population        INTEGER NOT NULL DEFAULT 0,
	target            REAL,
	comparator        REAL,
	comparator_source TEXT NOT NULL DEFAULT '',
	source            TEXT NOT NULL DEFAULT ''
);
CREATE INDEX measure_results_by_measure ON measure_results(measure_id, deleted_at, position);

ALTER TABLE reviews ADD COLUMN measure_ids TEXT NOT NULL DEFAULT '[]';
ALTER TABLE standards ADD COLUMN measure_id TEXT NOT NULL DEFAULT '';
ALTER TABLE findings ADD COLUMN measure_ids TEXT NOT NULL DEFAULT '[]';
