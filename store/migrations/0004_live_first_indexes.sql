-- Back to lists indexed by (parent, deleted_at, position), as in version 1.
-- Version 2 put position before deleted_at so a new item's place was one
-- seek; but then counting the live items for the home screen has to look
-- at deleted_at in every index entry, which made listing the reviews of a
-- large file half as slow again. The store now finds a new item's place
-- with one seek among the live items plus a short look at the binned ones.

DROP INDEX meetings_by_review;
DROP INDEX evidence_by_review;
DROP INDEX findings_by_review;
DROP INDEX standards_by_review;
DROP INDEX surveys_by_review;
DROP INDEX respondents_by_survey;
DROP INDEX recommendations_by_review;
DROP INDEX criteria_by_review;

CREATE INDEX meetings_by_review ON meetings(review_id, deleted_at, position);
CREATE INDEX evidence_by_review ON evidence(review_id, deleted_at, position);
CREATE INDEX findings_by_review ON findings(review_id, deleted_at, position);
CREATE INDEX standards_by_review ON standards(review_id, deleted_at, position);
CREATE INDEX surveys_by_review ON surveys(review_id, deleted_at, position);
CREATE INDEX respondents_by_survey ON respondents(survey_id, deleted_at, position);
CREATE INDEX recommendations_by_review ON recommendations(review_id, deleted_at, position);
CREATE INDEX criteria_by_review ON criteria(review_id, deleted_at, position);
