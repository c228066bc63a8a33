-- Refunds (docs/after-the-sale.md): what of an order's price has been given back, and each refund
-- request with the state the order was frozen in and the provider's answer deadline (an absolute
-- moment, so a restart neither skips nor doubles it).
ALTER TABLE orders ADD COLUMN refunded_amount BIGINT NOT NULL DEFAULT 0;

-- status: asked (waiting for the provider) | accepted | review (declined or unanswered: operators
-- decide) | approved | rejected
CREATE TABLE order_refund (
  id ${id},
  order_no VARCHAR(40) NOT NULL REFERENCES orders (order_no),
  amount BIGINT NOT NULL,
  reason TEXT NOT NULL,
  requested_by VARCHAR(320) NOT NULL,
  status_before VARCHAR(30) NOT NULL,
  status VARCHAR(20) NOT NULL,
  requested_at BIGINT NOT NULL,
  answer_due BIGINT NOT NULL,
  answered_at BIGINT,
  decline_reason TEXT,
  review_id BIGINT
);
CREATE INDEX order_refund_order ON order_refund (order_no, id);
CREATE INDEX order_refund_status ON order_refund (status, answer_due);
