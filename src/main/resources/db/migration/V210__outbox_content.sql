-- The words of an outgoing mail (its text and HTML parts) apart from its row: every change of the
-- row's state (claimed, sent, tried again) rewrites the whole record, and with the words in it that
-- was 40 KB for a help reply, three times a mail, where it is now a few dozen bytes
-- (docs/BENCHMARKS.md). Written once when the mail is queued, read when it is sent.
CREATE TABLE outbox_content (
  outbox_id ${ref_key} REFERENCES outbox (id),
  body TEXT NOT NULL,
  html TEXT
);
INSERT INTO outbox_content (outbox_id, body, html) SELECT id, body, html FROM outbox;
ALTER TABLE outbox DROP COLUMN body;
ALTER TABLE outbox DROP COLUMN html;
