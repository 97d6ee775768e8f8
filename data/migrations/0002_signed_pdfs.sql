-- The signed minutes themselves, append-only: the chair's signed PDF, then each added
-- signature (the clerk's) as a new row. The bank package takes the newest, so it
-- never depends on a file someone moved or deleted.
CREATE TABLE signed_pdfs (
	id         INTEGER PRIMARY KEY,
	meeting_id INTEGER NOT NULL REFERENCES meetings (id),
	signed_at  TEXT NOT NULL,
	signer     TEXT NOT NULL DEFAULT '',
	sha256     TEXT NOT NULL,
	pdf        BLOB NOT NULL
);
CREATE INDEX signed_pdfs_meeting ON signed_pdfs (meeting_id, id);
CREATE TRIGGER signed_pdfs_no_update BEFORE UPDATE ON signed_pdfs
BEGIN SELECT RAISE(ABORT, 'meeting locked'); END;
CREATE TRIGGER signed_pdfs_no_delete BEFORE DELETE ON signed_pdfs
BEGIN SELECT RAISE(ABORT, 'meeting locked'); END;
