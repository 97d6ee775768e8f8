-- Each household keeps its final result (docs/RULES.md §3, "Final result") as app's rule
-- (app.Meeting.ResultOf) computed it when the household, its verification, its meeting's
-- roll call or its village's rules last changed, so that the meeting list sums stored
-- results (count and sum by meeting over nominees_outcome) instead of writing the rule
-- out again in SQL. outcome is the Decision (通过, 不通过, 暂缓, 已拦截, 待评议), NULL while
-- not computed; final_amount is the credit granted, 0 unless 通过.
ALTER TABLE nominees ADD COLUMN outcome TEXT;
ALTER TABLE nominees ADD COLUMN final_amount INTEGER NOT NULL DEFAULT 0;
CREATE INDEX nominees_outcome ON nominees (meeting_id, outcome, final_amount);
CREATE INDEX nominees_outcome_stale ON nominees (meeting_id) WHERE outcome IS NULL;

-- A meeting whose roll call or village rules changed: every household's result is
-- computed again (refreshOutcomes) before the transaction that changed it commits.
CREATE TABLE outcomes_stale (
	meeting_id INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE
);

-- What makes a stored result stale, kept by the database itself, so that no write can
-- change what the rule reads and leave the old result behind: any change to the
-- household's row other than the result's own (the store writes a result only when it
-- differs, so an update that keeps both columns is someone else's), to its
-- verification, to its meeting's roll call, or to the rules of its village (for the
-- meetings not signed: a signed meeting's results are frozen with its signature).
CREATE TRIGGER nominees_outcome_stale AFTER UPDATE ON nominees
WHEN NEW.outcome IS NOT NULL AND NEW.outcome IS OLD.outcome AND NEW.final_amount IS OLD.final_amount
BEGIN UPDATE nominees SET outcome = NULL WHERE id = NEW.id; END;
CREATE TRIGGER verifications_outcome_insert AFTER INSERT ON verifications
BEGIN UPDATE nominees SET outcome = NULL WHERE id = NEW.nominee_id AND outcome IS NOT NULL; END;
CREATE TRIGGER verifications_outcome_update AFTER UPDATE ON verifications
BEGIN UPDATE nominees SET outcome = NULL WHERE id IN (OLD.nominee_id, NEW.nominee_id) AND outcome IS NOT NULL; END;
CREATE TRIGGER verifications_outcome_delete AFTER DELETE ON verifications
BEGIN UPDATE nominees SET outcome = NULL WHERE id = OLD.nominee_id AND outcome IS NOT NULL; END;
CREATE TRIGGER attendance_outcome_insert AFTER INSERT ON attendance
BEGIN INSERT OR IGNORE INTO outcomes_stale (meeting_id) VALUES (NEW.meeting_id); END;
CREATE TRIGGER attendance_outcome_update AFTER UPDATE ON attendance
BEGIN INSERT OR IGNORE INTO outcomes_stale (meeting_id) VALUES (OLD.meeting_id), (NEW.meeting_id); END;
CREATE TRIGGER attendance_outcome_delete AFTER DELETE ON attendance
BEGIN INSERT OR IGNORE INTO outcomes_stale (meeting_id) SELECT id FROM meetings WHERE id = OLD.meeting_id; END;
CREATE TRIGGER villages_outcome_update AFTER UPDATE ON villages
BEGIN INSERT OR IGNORE INTO outcomes_stale (meeting_id)
	SELECT id FROM meetings WHERE village_id = NEW.id AND status <> 'signed'; END;

-- The households of this database have no result yet: the store computes them once when
-- it opens (fillOutcomes), signed meetings' included, under the rules as they stand. The
-- lock on a signed meeting's households lets exactly that through: a result written
-- where there was none. Every other change stays refused.
DROP TRIGGER nominees_locked_update;
CREATE TRIGGER nominees_locked_update BEFORE UPDATE ON nominees
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
	AND NOT (OLD.outcome IS NULL AND NEW.outcome IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'meeting locked'); END;
