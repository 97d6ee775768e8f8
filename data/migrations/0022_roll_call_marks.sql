-- A roll-call mark computes again only the results it can change (issue 12): a mark on
-- a 10,000-household meeting computed every household's result again, about 160 ms,
-- although a vote keeps the members present when it was taken (docs/RULES.md §3.2,
-- migration 0019). What a mark changes is who is present now; who is on the roll call,
-- and in which bodies, stays — so does the quorum's base (the people's council on the
-- roll) and its required number. Of the results app's rule gives (app.Meeting.ResultOf):
-- - a vote with its own present set counts that set against the same base, unchanged;
--   a correction that takes a member into or out of recorded votes (出席, 缺席, 请假)
--   rewrites those votes' sets in the same transaction (Store.SetPresence), and each
--   household whose row changes is stale by its own trigger (nominees_outcome_stale);
-- - a vote not recorded decides nothing whoever is present (待评议, or 已拦截);
-- - only a vote recorded without a set of its own (one an amendment's sitting carried
--   over, counted against its roll call) is counted against who is present now.
-- So a mark makes those alone stale. A change to who is on the roll call (a member added
-- or removed, or their bodies) still makes the whole meeting's results stale.

-- The votes counted against the roll call as it stands, by meeting: few (most votes keep
-- their own set), so a mark finds them without reading the meeting's every household.
-- (A trigger may not say INDEXED BY: the unary + keeps SQLite from choosing instead the
-- index of every household's result, nominees_outcome, for the outcome term.)
CREATE INDEX nominees_roll_counted ON nominees (meeting_id) WHERE votes_recorded = 1 AND vote_voters = '';

DROP TRIGGER attendance_outcome_update;
CREATE TRIGGER attendance_outcome_mark AFTER UPDATE ON attendance
WHEN NEW.meeting_id = OLD.meeting_id AND NEW.member_id = OLD.member_id AND NEW.bodies IS OLD.bodies
BEGIN UPDATE nominees SET outcome = NULL
	WHERE meeting_id = NEW.meeting_id AND votes_recorded = 1 AND vote_voters = '' AND +outcome IS NOT NULL; END;
CREATE TRIGGER attendance_outcome_update AFTER UPDATE ON attendance
WHEN NOT (NEW.meeting_id = OLD.meeting_id AND NEW.member_id = OLD.member_id AND NEW.bodies IS OLD.bodies)
BEGIN INSERT OR IGNORE INTO outcomes_stale (meeting_id) VALUES (OLD.meeting_id), (NEW.meeting_id); END;
