-- The bin lists rows with deleted_at set. These partial indexes hold only
-- those rows, so opening the bin no longer reads every table in full (tens
-- of megabytes of survey answers on a large file), and they cost nothing
-- when a row is saved while not in the bin.

CREATE INDEX reviews_binned ON reviews(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX members_binned ON members(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX meetings_binned ON meetings(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX evidence_binned ON evidence(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX findings_binned ON findings(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX standards_binned ON standards(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX surveys_binned ON surveys(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX respondents_binned ON respondents(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX recommendations_binned ON recommendations(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX criteria_binned ON criteria(deleted_at) WHERE deleted_at IS NOT NULL;
