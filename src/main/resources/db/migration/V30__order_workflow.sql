-- The ops-service delivery workflow (SPEC §4): who to write to in which language, when the ball went
-- to the provider (for the appeal rule), and the buyers' requirement forms with their attachments.
ALTER TABLE orders ADD COLUMN buyer_lang VARCHAR(2) NOT NULL DEFAULT 'zh';
ALTER TABLE orders ADD COLUMN provider_lang VARCHAR(2) NOT NULL DEFAULT 'zh';
-- When the provider last became due to act (paid, started, a delivery rejected): an appeal is
-- allowed when the provider has not acted for 5 days since.
ALTER TABLE orders ADD COLUMN waiting_since BIGINT;
ALTER TABLE orders ADD COLUMN dispute_review_id BIGINT;

CREATE TABLE order_requirement (
  id ${id},
  order_no VARCHAR(40) NOT NULL REFERENCES orders (order_no),
  submitted_by VARCHAR(320) NOT NULL,
  inbound_id BIGINT,
  text TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX order_requirement_order ON order_requirement (order_no, id);

-- data is NULL when the attachment was over limits.attachment-bytes (kept: name and size only).
CREATE TABLE order_attachment (
  id ${id},
  requirement_id BIGINT NOT NULL REFERENCES order_requirement (id),
  filename VARCHAR(300) NOT NULL,
  content_type VARCHAR(200) NOT NULL,
  size BIGINT NOT NULL,
  data ${blob}
);
CREATE INDEX order_attachment_requirement ON order_attachment (requirement_id);
