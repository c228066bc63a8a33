-- Each outgoing mail is sent with an envelope sender of its own (local+b-TOKEN@domain, docs/DEPLOY.md):
-- a bounce is trusted only when it comes back to that address. release_at is when the hourly reply
-- cap (security.replies-per-hour) lets the mail go: a held reply waits for it instead of being dropped.
ALTER TABLE outbox ADD COLUMN bounce_token VARCHAR(40);
ALTER TABLE outbox ADD COLUMN release_at BIGINT;
UPDATE outbox SET release_at = created_at;
CREATE INDEX outbox_bounce_token ON outbox (bounce_token);
CREATE INDEX outbox_to_release ON outbox (to_addr, release_at);
