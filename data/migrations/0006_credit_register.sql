-- 0006: the village credit register (docs/RULES.md §11). Signed meetings are folded in
-- once; the bank's answers are added to them; blacklist changes are read from the
-- blacklist itself, never copied.

-- credit_events is each household's history: nominations, council decisions,
-- verifications, amendments and bank answers, with their date ('' when not given) and
-- document (文号, or the bank sheet's name). Append-only, like the audit log.
CREATE TABLE credit_events (
	id         INTEGER PRIMARY KEY,
	village_id INTEGER NOT NULL REFERENCES villages (id),
	id_number  TEXT NOT NULL,
	name       TEXT NOT NULL,
	on_date    TEXT NOT NULL DEFAULT '',
	kind       TEXT NOT NULL,
	meeting_id INTEGER REFERENCES meetings (id),
	doc_number TEXT NOT NULL DEFAULT '',
	outcome    TEXT NOT NULL DEFAULT '',
	amount     INTEGER NOT NULL DEFAULT 0,
	detail     TEXT NOT NULL DEFAULT '',
	added_at   TEXT NOT NULL
);
CREATE INDEX credit_events_household ON credit_events (village_id, id_number, on_date, id);
CREATE TRIGGER credit_events_no_update BEFORE UPDATE ON credit_events
BEGIN SELECT RAISE(ABORT, 'credit_events is append-only'); END;
CREATE TRIGGER credit_events_no_delete BEFORE DELETE ON credit_events
BEGIN SELECT RAISE(ABORT, 'credit_events is append-only'); END;

-- credit_register is one row per household the village ever passed: its latest rating,
-- the bank's answer to it and what withdrew it. The register opens with one read of it.
CREATE TABLE credit_register (
	village_id  INTEGER NOT NULL REFERENCES villages (id),
	id_number   TEXT NOT NULL,
	name        TEXT NOT NULL,
	grp         TEXT NOT NULL DEFAULT '',
	nominee_id  INTEGER NOT NULL,
	meeting_id  INTEGER NOT NULL REFERENCES meetings (id),
	doc_number  TEXT NOT NULL DEFAULT '',
	signed_on   TEXT NOT NULL,
	passed      INTEGER NOT NULL,
	bank_result TEXT NOT NULL DEFAULT '',
	bank_amount INTEGER NOT NULL DEFAULT 0,
	bank_date   TEXT NOT NULL DEFAULT '',
	bank_rate   TEXT NOT NULL DEFAULT '',
	bank_note   TEXT NOT NULL DEFAULT '',
	revoked_doc TEXT NOT NULL DEFAULT '',
	revoked_on  TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (village_id, id_number)
) WITHOUT ROWID;

-- credit_folded names the signed meetings already in the register.
CREATE TABLE credit_folded (
	meeting_id INTEGER PRIMARY KEY REFERENCES meetings (id),
	folded_at  TEXT NOT NULL
);

-- credit_settings holds the village's reminder period (days before expiry).
CREATE TABLE credit_settings (
	village_id    INTEGER PRIMARY KEY REFERENCES villages (id),
	reminder_days INTEGER NOT NULL CHECK (reminder_days > 0)
);

-- A household's blacklist changes, removed entries included, for its history.
CREATE INDEX blacklist_household ON blacklist (village_id, id_number);
