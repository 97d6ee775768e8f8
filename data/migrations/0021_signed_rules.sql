-- A signed meeting keeps the results it was signed with (docs/RULES.md §3, "Final
-- result"): the village's rules in force at the signing are kept with it, one row per
-- signed meeting, the same columns as the village's own, and app's rule decides a signed
-- meeting under them (app.Meeting.RulesUnder) — its tally, its screens, its documents and
-- the fingerprint printed on them, the register, an amendment's list of changes — where
-- it used the village's rules as they stand, so that a rule changed after the signing
-- (the standard cap, the majority, the quorum) changed a signed result everywhere except
-- in the meeting list, which sums the results stored at the signing. The store writes the
-- row in the transaction that signs (Store.Sign), with the rules the minutes were
-- rendered under; like the signature it never changes.
CREATE TABLE signed_rules (
	meeting_id         INTEGER PRIMARY KEY REFERENCES meetings (id),
	quorum_num         INTEGER NOT NULL,
	quorum_den         INTEGER NOT NULL,
	majority           TEXT NOT NULL,
	standard_cap       INTEGER NOT NULL,
	raised_cap         INTEGER NOT NULL,
	rounding_unit      INTEGER NOT NULL,
	validity_years     INTEGER NOT NULL,
	adult_age          INTEGER NOT NULL,
	notice_days        INTEGER NOT NULL,
	notice_place       TEXT NOT NULL,
	object_place       TEXT NOT NULL,
	notice_contact     TEXT NOT NULL,
	notice_phone       TEXT NOT NULL,
	supervise_phone    TEXT NOT NULL,
	forbidden_purposes TEXT NOT NULL
);
CREATE TRIGGER signed_rules_no_update BEFORE UPDATE ON signed_rules
BEGIN SELECT RAISE(ABORT, 'meeting locked'); END;
CREATE TRIGGER signed_rules_no_delete BEFORE DELETE ON signed_rules
BEGIN SELECT RAISE(ABORT, 'meeting locked'); END;

-- The meetings signed before this version: nothing kept the rules of their signing, but
-- the audit log has kept every change of a village's rules, each rule with its old and
-- new value (settingsFields), since the first version, and the signing itself (status
-- → signed) in the same numbering. So each rule's value at the signing is the old value
-- of its first change logged after the signing, or the rule as it stands when it has not
-- changed since. That is the rule the signed minutes printed, not a guess; and where the
-- log cannot say (a signing not in it), the rules as they stand are what every screen
-- and document has shown for the meeting until now, so nothing it shows changes.
INSERT INTO signed_rules (meeting_id, quorum_num, quorum_den, majority, standard_cap, raised_cap, rounding_unit, validity_years, adult_age, notice_days, notice_place, object_place, notice_contact, notice_phone, supervise_phone, forbidden_purposes)
WITH signed AS (
	SELECT g.id, g.village_id, coalesce((SELECT max(a.id) FROM audit_log a WHERE a.meeting_id = g.id
		AND a.tbl = 'meetings' AND a.record_id = g.id AND a.field = 'status' AND a.new = 'signed'),
		(SELECT coalesce(max(id), 0) FROM audit_log)) AS at
	FROM meetings g WHERE g.status = 'signed')
SELECT s.id,
	coalesce((SELECT CAST(a.old AS INTEGER) FROM audit_log a WHERE a.meeting_id = 0 AND a.tbl = 'villages' AND a.record_id = s.village_id
		AND a.field = 'quorum_num' AND a.id > s.at ORDER BY a.id LIMIT 1), v.quorum_num),
	coalesce((SELECT CAST(a.old AS INTEGER) FROM audit_log a WHERE a.meeting_id = 0 AND a.tbl = 'villages' AND a.record_id = s.village_id
		AND a.field = 'quorum_den' AND a.id > s.at ORDER BY a.id LIMIT 1), v.quorum_den),
	coalesce((SELECT a.old FROM audit_log a WHERE a.meeting_id = 0 AND a.tbl = 'villages' AND a.record_id = s.village_id
		AND a.field = 'majority' AND a.id > s.at ORDER BY a.id LIMIT 1), v.majority),
	coalesce((SELECT CAST(a.old AS INTEGER) FROM audit_log a WHERE a.meeting_id = 0 AND a.tbl = 'villages' AND a.record_id = s.village_id
		AND a.field = 'standard_cap' AND a.id > s.at ORDER BY a.id LIMIT 1), v.standard_cap),
	coalesce((SELECT CAST(a.old AS INTEGER) FROM audit_log a WHERE a.meeting_id = 0 AND a.tbl = 'villages' AND a.record_id = s.village_id
		AND a.field = 'raised_cap' AND a.id > s.at ORDER BY a.id LIMIT 1), v.raised_cap),
	coalesce((SELECT CAST(a.old AS INTEGER) FROM audit_log a WHERE a.meeting_id = 0 AND a.tbl = 'villages' AND a.record_id = s.village_id
		AND a.field = 'rounding_unit' AND a.id > s.at ORDER BY a.id LIMIT 1), v.rounding_unit),
	coalesce((SELECT CAST(a.old AS INTEGER) FROM audit_log a WHERE a.meeting_id = 0 AND a.tbl = 'villages' AND a.record_id = s.village_id
		AND a.field = 'validity_years' AND a.id > s.at ORDER BY a.id LIMIT 1), v.validity_years),
	coalesce((SELECT CAST(a.old AS INTEGER) FROM audit_log a WHERE a.meeting_id = 0 AND a.tbl = 'villages' AND a.record_id = s.village_id
		AND a.field = 'adult_age' AND a.id > s.at ORDER BY a.id LIMIT 1), v.adult_age),
	coalesce((SELECT CAST(a.old AS INTEGER) FROM audit_log a WHERE a.meeting_id = 0 AND a.tbl = 'villages' AND a.record_id = s.village_id
		AND a.field = 'notice_days' AND a.id > s.at ORDER BY a.id LIMIT 1), v.notice_days),
	coalesce((SELECT a.old FROM audit_log a WHERE a.meeting_id = 0 AND a.tbl = 'villages' AND a.record_id = s.village_id
		AND a.field = 'notice_place' AND a.id > s.at ORDER BY a.id LIMIT 1), v.notice_place),
	coalesce((SELECT a.old FROM audit_log a WHERE a.meeting_id = 0 AND a.tbl = 'villages' AND a.record_id = s.village_id
		AND a.field = 'object_place' AND a.id > s.at ORDER BY a.id LIMIT 1), v.object_place),
	coalesce((SELECT a.old FROM audit_log a WHERE a.meeting_id = 0 AND a.tbl = 'villages' AND a.record_id = s.village_id
		AND a.field = 'notice_contact' AND a.id > s.at ORDER BY a.id LIMIT 1), v.notice_contact),
	coalesce((SELECT a.old FROM audit_log a WHERE a.meeting_id = 0 AND a.tbl = 'villages' AND a.record_id = s.village_id
		AND a.field = 'notice_phone' AND a.id > s.at ORDER BY a.id LIMIT 1), v.notice_phone),
	coalesce((SELECT a.old FROM audit_log a WHERE a.meeting_id = 0 AND a.tbl = 'villages' AND a.record_id = s.village_id
		AND a.field = 'supervise_phone' AND a.id > s.at ORDER BY a.id LIMIT 1), v.supervise_phone),
	coalesce((SELECT a.old FROM audit_log a WHERE a.meeting_id = 0 AND a.tbl = 'villages' AND a.record_id = s.village_id
		AND a.field = 'forbidden_purposes' AND a.id > s.at ORDER BY a.id LIMIT 1), v.forbidden_purposes)
FROM signed s JOIN villages v ON v.id = s.village_id;

-- The results stored for those meetings (migration 0020) were computed under the rules
-- as they stood when this database was first opened after it: computed again under the
-- rules kept above, so that the meeting list and every other reader agree. They are
-- cleared here, the lock on a signed meeting's households lifted for this one statement
-- and put back as 0020 left it, and the store computes them when it opens (fillOutcomes).
DROP TRIGGER nominees_locked_update;
UPDATE nominees SET outcome = NULL WHERE meeting_id IN (SELECT meeting_id FROM signed_rules);
CREATE TRIGGER nominees_locked_update BEFORE UPDATE ON nominees
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
	AND NOT (OLD.outcome IS NULL AND NEW.outcome IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'meeting locked'); END;
