-- Orders (SPEC §4). Prices are minor units (fen).
CREATE TABLE orders (
  order_no VARCHAR(40) PRIMARY KEY,
  product_id VARCHAR(20) NOT NULL REFERENCES product (id),
  provider_id BIGINT NOT NULL REFERENCES provider (id),
  buyer_email VARCHAR(320) NOT NULL,
  price BIGINT NOT NULL,
  original_price BIGINT NOT NULL,
  -- unpaid | paid | implementing | awaiting_confirmation | completed | cancelled | disputed
  status VARCHAR(30) NOT NULL,
  status_before_dispute VARCHAR(30),
  created_at BIGINT NOT NULL,
  paid_at BIGINT,
  started_at BIGINT,
  done_at BIGINT,
  completed_at BIGINT,
  cancelled_at BIGINT,
  refund_flag INTEGER NOT NULL DEFAULT 0,
  rejections INTEGER NOT NULL DEFAULT 0,
  last_reminder_at BIGINT,
  updated_at BIGINT NOT NULL
);
CREATE INDEX orders_provider ON orders (provider_id, status);
CREATE INDEX orders_buyer ON orders (buyer_email);
CREATE INDEX orders_status ON orders (status);
