-- The bank keeps one certificate per village (docs/RULES.md, signatures): known_certs
-- names the village each certificate speaks for (its town and village, app.CertVillage)
-- and when a deliberate replacement (`cert import --replace`) retired it. Retired rows
-- stay, so the record of which certificate was trusted when is never lost. Rows from
-- before this migration get their village from the certificate on the next import.
ALTER TABLE known_certs ADD COLUMN village TEXT NOT NULL DEFAULT '';
ALTER TABLE known_certs ADD COLUMN replaced_at TEXT NOT NULL DEFAULT '';
CREATE INDEX known_certs_village ON known_certs (village, replaced_at);
