-- The list of reviews (the home screen, `scrutiny list`) reads a few short
-- columns of every live review, newest edit first. A review's row also
-- holds its long texts, so reading the table meant about a page per
-- review; this index holds just what the list shows, in its order, so the
-- list is read from the index alone.
CREATE INDEX reviews_list ON reviews(deleted_at, updated_at DESC, id DESC, topic, stage, start_on, end_on, board_on, archived);
