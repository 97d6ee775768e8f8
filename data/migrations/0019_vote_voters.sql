-- Each vote keeps the people's-council members present when it was taken (docs/RULES.md
-- §3.2), as a JSON array of member IDs; '' before the vote. A roll-call change made
-- later no longer changes the count of a vote already taken.
ALTER TABLE nominees ADD COLUMN vote_voters TEXT NOT NULL DEFAULT '';

-- A vote recorded before this version keeps the roll call as it stands now: the set it
-- was counted against until now. Signed meetings get theirs too, so the lock on their
-- households is lifted for this one statement and put back as it was.
DROP TRIGGER nominees_locked_update;
UPDATE nominees SET vote_voters = (
	SELECT json_group_array(member_id) FROM (
		SELECT a.member_id FROM attendance a
		WHERE a.meeting_id = nominees.meeting_id AND a.presence IN ('出席', '迟到', '早退')
			AND EXISTS (SELECT 1 FROM json_each(a.bodies) WHERE json_each.value = '百姓议事会')
		ORDER BY a.seq))
WHERE votes_recorded = 1;
CREATE TRIGGER nominees_locked_update BEFORE UPDATE ON nominees
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'meeting locked'); END;
