-- Lists are indexed by (parent, position, deleted_at): a new item's place,
-- MAX(position), is one index seek instead of a scan of the list; loads
-- read in position order; and the live-item counts on the home screen
-- still come from the index alone.

DROP INDEX meetings_by_review;
DROP INDEX evidence_by_review;
DROP INDEX findings_by_review;
DROP INDEX standards_by_review;
DROP INDEX surveys_by_review;
DROP INDEX respondents_by_survey;
DROP INDEX recommendations_by_review;
DROP INDEX criteria_by_review;

CREATE INDEX meetings_by_review ON meetings(review_id, position, deleted_at);
CREATE INDEX evidence_by_review ON evidence(review_id, position, deleted_at);
CREATE INDEX findings_by_review ON findings(review_id, position, deleted_at);
CREATE INDEX standards_by_review ON standards(review_id, position, deleted_at);
CREATE INDEX surveys_by_review ON surveys(review_id, position, deleted_at);
CREATE INDEX respondents_by_survey ON respondents(survey_id, position, deleted_at);
CREATE INDEX recommendations_by_review ON recommendations(review_id, position, deleted_at);
CREATE INDEX criteria_by_review ON criteria(review_id, position, deleted_at);
