-- 0004: the steps after signing (docs/RULES.md §11) and the village settings they need.

-- A village's 公示 settings: where its notices are posted, where and to whom objections
-- go, a supervision telephone. Empty until filled in; a notice prints 未填写 for them.
ALTER TABLE villages ADD COLUMN notice_place    TEXT NOT NULL DEFAULT '';
ALTER TABLE villages ADD COLUMN object_place    TEXT NOT NULL DEFAULT '';
ALTER TABLE villages ADD COLUMN notice_contact  TEXT NOT NULL DEFAULT '';
ALTER TABLE villages ADD COLUMN notice_phone    TEXT NOT NULL DEFAULT '';
ALTER TABLE villages ADD COLUMN supervise_phone TEXT NOT NULL DEFAULT '';
-- The forbidden-purpose list, a JSON array of words; '' is the app's default list, so
-- that a village made before this version gets it without a copy of it here.
ALTER TABLE villages ADD COLUMN forbidden_purposes TEXT NOT NULL DEFAULT '';

-- 组织审定: the village Party organisation's review of signed minutes, once per meeting,
-- never changed.
CREATE TABLE reviews (
	meeting_id  INTEGER PRIMARY KEY REFERENCES meetings (id),
	date        TEXT NOT NULL,
	reviewer    TEXT NOT NULL,
	opinion     TEXT NOT NULL,
	recorded_at TEXT NOT NULL
);
CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews
BEGIN SELECT RAISE(ABORT, 'review recorded'); END;
CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews
BEGIN SELECT RAISE(ABORT, 'review recorded'); END;
CREATE TRIGGER reviews_signed_only BEFORE INSERT ON reviews
WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) IS NOT 'signed'
BEGIN SELECT RAISE(ABORT, 'meeting not signed'); END;

-- 公示 of signed minutes: the period and the notice settings as printed; once the outcome
-- is recorded (无异议, or 有异议 with each objection and its settlement, a JSON array of
-- {"text", "settlement"}) the row never changes again.
CREATE TABLE publicities (
	meeting_id      INTEGER PRIMARY KEY REFERENCES meetings (id),
	start           TEXT NOT NULL,
	days            INTEGER NOT NULL CHECK (days > 0),
	place           TEXT NOT NULL DEFAULT '',
	object_place    TEXT NOT NULL DEFAULT '',
	contact         TEXT NOT NULL DEFAULT '',
	phone           TEXT NOT NULL DEFAULT '',
	supervise_phone TEXT NOT NULL DEFAULT '',
	issued_at       TEXT NOT NULL,
	outcome         TEXT NOT NULL DEFAULT '' CHECK (outcome IN ('', '无异议', '有异议')),
	note            TEXT NOT NULL DEFAULT '',
	objections      TEXT NOT NULL DEFAULT '[]',
	closed_at       TEXT NOT NULL DEFAULT ''
);
CREATE TRIGGER publicities_closed_update BEFORE UPDATE ON publicities WHEN OLD.outcome <> ''
BEGIN SELECT RAISE(ABORT, 'publicity closed'); END;
CREATE TRIGGER publicities_no_delete BEFORE DELETE ON publicities
BEGIN SELECT RAISE(ABORT, 'publicity recorded'); END;
CREATE TRIGGER publicities_signed_only BEFORE INSERT ON publicities
WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) IS NOT 'signed'
BEGIN SELECT RAISE(ABORT, 'meeting not signed'); END;

-- A 文号 names one meeting of its village: the store refuses a second use; this index
-- makes the lookup cheap (not unique: databases from before kept an amendment under
-- its original's number, and signed rows are never rewritten).
CREATE INDEX meetings_doc_number ON meetings (village_id, doc_number);
