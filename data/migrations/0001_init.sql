-- 0001: Pingxin's first schema. Civil dates are 'YYYY-MM-DD' text, instants RFC 3339
-- UTC text, amounts whole yuan as integers, lists JSON arrays of strings.

-- app_meta tells a Pingxin database from any other SQLite file and says which schema
-- version wrote it, so an older Pingxin refuses a newer file instead of damaging it.
CREATE TABLE app_meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
INSERT INTO app_meta (key, value) VALUES ('application', 'pingxin');

CREATE TABLE villages (
	id             INTEGER PRIMARY KEY,
	name           TEXT NOT NULL UNIQUE,
	town           TEXT NOT NULL,
	county_code    TEXT NOT NULL DEFAULT '',
	quorum_num     INTEGER NOT NULL,
	quorum_den     INTEGER NOT NULL,
	majority       TEXT NOT NULL,
	standard_cap   INTEGER NOT NULL,
	raised_cap     INTEGER NOT NULL,
	rounding_unit  INTEGER NOT NULL,
	validity_years INTEGER NOT NULL,
	adult_age      INTEGER NOT NULL,
	notice_days    INTEGER NOT NULL,
	created_at     TEXT NOT NULL
);

-- Members are never deleted: signed minutes keep naming them. removed_at hides one
-- from the roster.
CREATE TABLE members (
	id         INTEGER PRIMARY KEY,
	village_id INTEGER NOT NULL REFERENCES villages (id),
	name       TEXT NOT NULL,
	bodies     TEXT NOT NULL DEFAULT '[]',
	role       TEXT NOT NULL DEFAULT '',
	removed_at TEXT
);
CREATE UNIQUE INDEX members_active_name ON members (village_id, name) WHERE removed_at IS NULL;

-- Blacklist entries are removed softly, with a reason, so the record of who was
-- excluded and why survives.
CREATE TABLE blacklist (
	id             INTEGER PRIMARY KEY,
	village_id     INTEGER NOT NULL REFERENCES villages (id),
	name           TEXT NOT NULL,
	id_number      TEXT NOT NULL,
	category       TEXT NOT NULL,
	source         TEXT NOT NULL DEFAULT '',
	date           TEXT NOT NULL DEFAULT '',
	note           TEXT NOT NULL DEFAULT '',
	added_at       TEXT NOT NULL,
	removed_at     TEXT,
	removed_reason TEXT
);
CREATE UNIQUE INDEX blacklist_active_id ON blacklist (village_id, id_number) WHERE removed_at IS NULL;

CREATE TABLE meetings (
	id         INTEGER PRIMARY KEY,
	village_id INTEGER NOT NULL REFERENCES villages (id),
	type       TEXT NOT NULL,
	doc_number TEXT NOT NULL DEFAULT '',
	date       TEXT NOT NULL,
	time       TEXT NOT NULL DEFAULT '',
	place      TEXT NOT NULL DEFAULT '',
	chair      TEXT NOT NULL DEFAULT '',
	clerk      TEXT NOT NULL DEFAULT '',
	status     TEXT NOT NULL DEFAULT 'draft'
	           CHECK (status IN ('draft', 'in_session', 'closed', 'signed')),
	amends_id  INTEGER REFERENCES meetings (id),
	amends_why TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL
);
CREATE INDEX meetings_village ON meetings (village_id, date);
CREATE INDEX meetings_amends ON meetings (amends_id) WHERE amends_id IS NOT NULL;

-- Attendance keeps the member's name, bodies and role as they were at the meeting.
CREATE TABLE attendance (
	meeting_id INTEGER NOT NULL REFERENCES meetings (id),
	member_id  INTEGER NOT NULL REFERENCES members (id),
	seq        INTEGER NOT NULL,
	name       TEXT NOT NULL,
	bodies     TEXT NOT NULL DEFAULT '[]',
	role       TEXT NOT NULL DEFAULT '',
	presence   TEXT NOT NULL,
	late_at    TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (meeting_id, member_id)
);

CREATE TABLE nominees (
	id              INTEGER PRIMARY KEY,
	meeting_id      INTEGER NOT NULL REFERENCES meetings (id),
	seq             INTEGER NOT NULL,
	name            TEXT NOT NULL,
	id_number       TEXT NOT NULL,
	grp             TEXT NOT NULL DEFAULT '',
	phone           TEXT NOT NULL DEFAULT '',
	household_size  INTEGER NOT NULL DEFAULT 0,
	purpose         TEXT NOT NULL DEFAULT '',
	requested       INTEGER NOT NULL DEFAULT 0,
	baseline_1      TEXT NOT NULL DEFAULT '',
	baseline_2      TEXT NOT NULL DEFAULT '',
	baseline_3      TEXT NOT NULL DEFAULT '',
	baseline_4      TEXT NOT NULL DEFAULT '',
	baseline_5      TEXT NOT NULL DEFAULT '',
	baseline_6      TEXT NOT NULL DEFAULT '',
	undertaking     INTEGER NOT NULL DEFAULT 0,
	proposed        INTEGER NOT NULL DEFAULT 0,
	proposed_reason TEXT NOT NULL DEFAULT '',
	rate_preference INTEGER NOT NULL DEFAULT 0,
	votes_for       INTEGER NOT NULL DEFAULT 0,
	votes_against   INTEGER NOT NULL DEFAULT 0,
	votes_abstain   INTEGER NOT NULL DEFAULT 0,
	votes_recused   INTEGER NOT NULL DEFAULT 0,
	votes_recorded  INTEGER NOT NULL DEFAULT 0,
	reason          TEXT NOT NULL DEFAULT '',
	blocked         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX nominees_meeting_seq ON nominees (meeting_id, seq);
-- The same person twice on one list is refused; a row still without an ID is not.
CREATE UNIQUE INDEX nominees_meeting_id_number ON nominees (meeting_id, id_number) WHERE id_number <> '';

-- A household has at most one verification (乡贤参事会核实); none means 未走访.
CREATE TABLE verifications (
	nominee_id     INTEGER PRIMARY KEY REFERENCES nominees (id) ON DELETE CASCADE,
	visit_date     TEXT NOT NULL DEFAULT '',
	visitors       TEXT NOT NULL DEFAULT '[]',
	conclusion     TEXT NOT NULL DEFAULT '',
	recommendation TEXT NOT NULL DEFAULT '',
	lower_to       INTEGER NOT NULL DEFAULT 0,
	notes          TEXT NOT NULL DEFAULT ''
);

-- The private key is stored only as the passphrase-encrypted blob the signing package makes.
CREATE TABLE village_keys (
	village_id INTEGER PRIMARY KEY REFERENCES villages (id),
	cert       BLOB NOT NULL,
	encrypted  BLOB NOT NULL,
	updated_at TEXT NOT NULL
);

CREATE TABLE known_certs (
	id       INTEGER PRIMARY KEY,
	der      BLOB NOT NULL,
	sha256   TEXT NOT NULL UNIQUE,
	label    TEXT NOT NULL DEFAULT '',
	added_at TEXT NOT NULL
);

CREATE TABLE signatures (
	meeting_id   INTEGER PRIMARY KEY REFERENCES meetings (id),
	signed_at    TEXT NOT NULL,
	signer       TEXT NOT NULL DEFAULT '',
	sha256       TEXT NOT NULL DEFAULT '',
	cert_sha256  TEXT NOT NULL DEFAULT '',
	minutes_path TEXT NOT NULL DEFAULT ''
);

-- audit_log is append-only. meeting_id is 0 for village-level records; ID and phone
-- numbers appear in it masked.
CREATE TABLE audit_log (
	id         INTEGER PRIMARY KEY,
	at         TEXT NOT NULL,
	meeting_id INTEGER NOT NULL DEFAULT 0,
	tbl        TEXT NOT NULL,
	record_id  INTEGER NOT NULL,
	field      TEXT NOT NULL,
	old        TEXT NOT NULL DEFAULT '',
	new        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_meeting ON audit_log (meeting_id, id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- The lock of a signed meeting, kept by the database itself as a last line behind the
-- store's own checks: nothing in a signed meeting changes, whatever code runs.
CREATE TRIGGER meetings_locked_update BEFORE UPDATE ON meetings WHEN OLD.status = 'signed'
BEGIN SELECT RAISE(ABORT, 'meeting locked'); END;
CREATE TRIGGER meetings_locked_delete BEFORE DELETE ON meetings WHEN OLD.status = 'signed'
BEGIN SELECT RAISE(ABORT, 'meeting locked'); END;
CREATE TRIGGER signatures_no_update BEFORE UPDATE ON signatures
BEGIN SELECT RAISE(ABORT, 'meeting locked'); END;
CREATE TRIGGER signatures_no_delete BEFORE DELETE ON signatures
BEGIN SELECT RAISE(ABORT, 'meeting locked'); END;
CREATE TRIGGER attendance_locked_insert BEFORE INSERT ON attendance
WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'meeting locked'); END;
CREATE TRIGGER attendance_locked_update BEFORE UPDATE ON attendance
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'meeting locked'); END;
CREATE TRIGGER attendance_locked_delete BEFORE DELETE ON attendance
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'meeting locked'); END;
CREATE TRIGGER nominees_locked_insert BEFORE INSERT ON nominees
WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'meeting locked'); END;
CREATE TRIGGER nominees_locked_update BEFORE UPDATE ON nominees
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'meeting locked'); END;
CREATE TRIGGER nominees_locked_delete BEFORE DELETE ON nominees
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'meeting locked'); END;
CREATE TRIGGER verifications_locked_insert BEFORE INSERT ON verifications
WHEN (SELECT m.status FROM nominees n JOIN meetings m ON m.id = n.meeting_id WHERE n.id = NEW.nominee_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'meeting locked'); END;
CREATE TRIGGER verifications_locked_update BEFORE UPDATE ON verifications
WHEN (SELECT m.status FROM nominees n JOIN meetings m ON m.id = n.meeting_id WHERE n.id = OLD.nominee_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'meeting locked'); END;
CREATE TRIGGER verifications_locked_delete BEFORE DELETE ON verifications
WHEN (SELECT m.status FROM nominees n JOIN meetings m ON m.id = n.meeting_id WHERE n.id = OLD.nominee_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'meeting locked'); END;
