-- Every bank package exported, append-only: the manifest exactly as signed, so that an
-- amendment's package can name the package it amends by 文号 and manifest SHA-256.
CREATE TABLE bank_packages (
	id          INTEGER PRIMARY KEY,
	meeting_id  INTEGER NOT NULL REFERENCES meetings (id),
	exported_at TEXT NOT NULL,
	sha256      TEXT NOT NULL,
	manifest    BLOB NOT NULL
);
CREATE INDEX bank_packages_meeting ON bank_packages (meeting_id, id);
CREATE TRIGGER bank_packages_no_update BEFORE UPDATE ON bank_packages
BEGIN SELECT RAISE(ABORT, 'bank_packages is append-only'); END;
CREATE TRIGGER bank_packages_no_delete BEFORE DELETE ON bank_packages
BEGIN SELECT RAISE(ABORT, 'bank_packages is append-only'); END;
