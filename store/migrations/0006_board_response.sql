-- After the report: the Board's decision on each recommendation, the date
-- and reason beside the words already kept in board_response (so the free
-- text written before carries over as the Board's words, unchanged), what
-- the panel found at each follow-up point, and on the review the follow-up
-- points themselves and the panel's impact statement.
-- Actions stay in their JSON column: a status written as free text is read
-- as the fixed status it means, and a word that means none of them is kept
-- as an update on the action (see review.LegacyStatus), so nothing is lost.

ALTER TABLE recommendations ADD COLUMN decision TEXT NOT NULL DEFAULT '';
ALTER TABLE recommendations ADD COLUMN decided_on TEXT NOT NULL DEFAULT '';
ALTER TABLE recommendations ADD COLUMN response_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE recommendations ADD COLUMN follow_up TEXT NOT NULL DEFAULT '[]';
ALTER TABLE reviews ADD COLUMN follow_up_points TEXT NOT NULL DEFAULT '[]';
ALTER TABLE reviews ADD COLUMN impact TEXT NOT NULL DEFAULT '';
