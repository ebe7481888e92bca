-- Votes remember the keyed hash of the voter's address, so one address cannot stuff a comment's score.
ALTER TABLE votes ADD COLUMN ip_hash TEXT;
CREATE INDEX votes_address ON votes (comment_id, ip_hash);
