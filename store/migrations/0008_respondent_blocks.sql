-- Respondent blocks: a survey's answers kept column by column, up to a
-- few thousand people per row, instead of one row and one JSON object per
-- person. A CSV import of 100,000 people writes about 25 rows here rather
-- than 100,000 rows and two index entries each, and loading reads them
-- back without walking a JSON object per person. The encoding is in
-- store/blocks.go.
--
-- A survey's respondents are its blocks in position order, then its live
-- rows in respondents (people typed in one at a time, and files made
-- before this version), in their own order. Blocks have no bin of their
-- own: they go with their survey. Nothing else changes, so older files
-- read as before, with every respondent a row.

CREATE TABLE respondent_blocks (
	survey_id TEXT NOT NULL REFERENCES surveys(id),
	position  INTEGER NOT NULL, -- the block's first respondent, counting from 0
	n         INTEGER NOT NULL, -- how many respondents it holds
	data      BLOB NOT NULL,
	PRIMARY KEY (survey_id, position)
);
