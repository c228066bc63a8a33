-- The HTML part of an outgoing mail (docs/mail-design.md): rendered when the mail is queued, beside
-- the plain-text body, from the same model. NULL for mails queued before it existed (sent as text alone).
ALTER TABLE outbox ADD COLUMN html TEXT;
