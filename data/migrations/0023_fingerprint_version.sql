-- The content fingerprint printed on every page of the minutes and the notice (and in
-- the bank sheet) covers, from this version, the members present at each vote when they
-- are not the roll call's (a vote taken before a member arrived late or after one left
-- early, migration 0019): the minutes print "在场N人" under such a vote, and two minutes
-- differing only there had the same fingerprint. A signed meeting keeps the fingerprint
-- its signed pages carry, so that a reprint, the bank sheet and an amendment citing it
-- show the same one: the way it was computed is kept with the signature (1: without the
-- voters, every meeting signed before this version; 2: with them), like the rules it
-- was signed under. The store writes it in the transaction that signs (Store.Sign).
ALTER TABLE signed_rules ADD COLUMN fingerprint_version INTEGER NOT NULL DEFAULT 1;
