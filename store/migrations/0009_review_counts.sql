-- The home screen lists every review with its counts of live (not binned)
-- evidence items, findings and recommendations. Counting them from the
-- indexes on every open took 30 to 80 ms with 1,000 reviews, so each
-- review's counts are kept in review_counts instead, and these triggers
-- keep them exact in the same transaction as every write: a save, a
-- delete to the bin, a restore, an import (its upsert fires the UPDATE
-- triggers, since it sets deleted_at), undo, and an item given another
-- review. A row counts when its deleted_at IS NULL, whether or not its
-- review is in the bin, as the counting query did. Rows are never removed
-- with DELETE by the app, but a DELETE is counted too, so nothing can
-- leave the counts wrong.

CREATE TABLE review_counts (
	review_id       TEXT PRIMARY KEY REFERENCES reviews(id),
	evidence        INTEGER NOT NULL DEFAULT 0,
	findings        INTEGER NOT NULL DEFAULT 0,
	recommendations INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

INSERT INTO review_counts (review_id, evidence, findings, recommendations)
SELECT r.id,
	(SELECT count(*) FROM evidence e WHERE e.review_id = r.id AND e.deleted_at IS NULL),
	(SELECT count(*) FROM findings f WHERE f.review_id = r.id AND f.deleted_at IS NULL),
	(SELECT count(*) FROM recommendations c WHERE c.review_id = r.id AND c.deleted_at IS NULL)
FROM reviews r;

CREATE TRIGGER review_counts_new_review AFTER INSERT ON reviews BEGIN
	INSERT INTO review_counts (review_id) VALUES (NEW.id);
END;
CREATE TRIGGER review_counts_gone_review AFTER DELETE ON reviews BEGIN
	DELETE FROM review_counts WHERE review_id = OLD.id;
END;

CREATE TRIGGER evidence_count_insert AFTER INSERT ON evidence WHEN NEW.deleted_at IS NULL BEGIN
	UPDATE review_counts SET evidence = evidence + 1 WHERE review_id = NEW.review_id;
END;
CREATE TRIGGER evidence_count_delete AFTER DELETE ON evidence WHEN OLD.deleted_at IS NULL BEGIN
	UPDATE review_counts SET evidence = evidence - 1 WHERE review_id = OLD.review_id;
END;
CREATE TRIGGER evidence_count_update AFTER UPDATE OF deleted_at, review_id ON evidence
WHEN (OLD.deleted_at IS NULL) IS NOT (NEW.deleted_at IS NULL) OR OLD.review_id IS NOT NEW.review_id BEGIN
	UPDATE review_counts SET evidence = evidence - 1 WHERE review_id = OLD.review_id AND OLD.deleted_at IS NULL;
	UPDATE review_counts SET evidence = evidence + 1 WHERE review_id = NEW.review_id AND NEW.deleted_at IS NULL;
END;

CREATE TRIGGER findings_count_insert AFTER INSERT ON findings WHEN NEW.deleted_at IS NULL BEGIN
	UPDATE review_counts SET findings = findings + 1 WHERE review_id = NEW.review_id;
END;
CREATE TRIGGER findings_count_delete AFTER DELETE ON findings WHEN OLD.deleted_at IS NULL BEGIN
	UPDATE review_counts SET findings = findings - 1 WHERE review_id = OLD.review_id;
END;
CREATE TRIGGER findings_count_update AFTER UPDATE OF deleted_at, review_id ON findings
WHEN (OLD.deleted_at IS NULL) IS NOT (NEW.deleted_at IS NULL) OR OLD.review_id IS NOT NEW.review_id BEGIN
	UPDATE review_counts SET findings = findings - 1 WHERE review_id = OLD.review_id AND OLD.deleted_at IS NULL;
	UPDATE review_counts SET findings = findings + 1 WHERE review_id = NEW.review_id AND NEW.deleted_at IS NULL;
END;

CREATE TRIGGER recommendations_count_insert AFTER INSERT ON recommendations WHEN NEW.deleted_at IS NULL BEGIN
	UPDATE review_counts SET recommendations = recommendations + 1 WHERE review_id = NEW.review_id;
END;
CREATE TRIGGER recommendations_count_delete AFTER DELETE ON recommendations WHEN OLD.deleted_at IS NULL BEGIN
	UPDATE review_counts SET recommendations = recommendations - 1 WHERE review_id = OLD.review_id;
END;
CREATE TRIGGER recommendations_count_update AFTER UPDATE OF deleted_at, review_id ON recommendations
WHEN (OLD.deleted_at IS NULL) IS NOT (NEW.deleted_at IS NULL) OR OLD.review_id IS NOT NEW.review_id BEGIN
	UPDATE review_counts SET recommendations = recommendations - 1 WHERE review_id = OLD.review_id AND OLD.deleted_at IS NULL;
	UPDATE review_counts SET recommendations = recommendations + 1 WHERE review_id = NEW.review_id AND NEW.deleted_at IS NULL;
END;
