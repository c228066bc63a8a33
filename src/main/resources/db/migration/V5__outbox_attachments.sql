-- Files an outgoing mail carries (a buyer's requirement-form attachments forwarded to the provider).
CREATE TABLE outbox_attachment (
  id ${id},
  outbox_id BIGINT NOT NULL REFERENCES outbox (id),
  filename VARCHAR(300) NOT NULL,
  content_type VARCHAR(200) NOT NULL,
  data ${blob} NOT NULL
);
CREATE INDEX outbox_attachment_mail ON outbox_attachment (outbox_id);
