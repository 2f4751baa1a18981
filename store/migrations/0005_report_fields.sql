-- Fields real reports need: the landlord's name on the review, a member's
-- tenure, and on evidence a link to the document, the dates an information
-- request was asked, due and answered, and a consultation's reach.
-- Every column has a default, so older rows read as "not said".

ALTER TABLE reviews ADD COLUMN landlord TEXT NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN tenure TEXT NOT NULL DEFAULT '';
ALTER TABLE evidence ADD COLUMN link TEXT NOT NULL DEFAULT '';
ALTER TABLE evidence ADD COLUMN asked_on TEXT NOT NULL DEFAULT '';
ALTER TABLE evidence ADD COLUMN due_on TEXT NOT NULL DEFAULT '';
ALTER TABLE evidence ADD COLUMN received_on TEXT NOT NULL DEFAULT '';
ALTER TABLE evidence ADD COLUMN reach_invited INTEGER NOT NULL DEFAULT 0;
ALTER TABLE evidence ADD COLUMN reach_saw INTEGER NOT NULL DEFAULT 0;
ALTER TABLE evidence ADD COLUMN reach_responded INTEGER NOT NULL DEFAULT 0;
ALTER TABLE evidence ADD COLUMN reach_attended INTEGER NOT NULL DEFAULT 0;
ALTER TABLE evidence ADD COLUMN reach_apologies INTEGER NOT NULL DEFAULT 0;
