-- Monthly settlement statements (docs/after-the-sale.md). One per provider and month: the UNIQUE key
-- (not a check before the insert) is what keeps two instances running the same month from making two.
-- Amounts are minor units (fen); rate is the commission percent as written ("5", "7.5").
CREATE TABLE settlement (
  id VARCHAR(40) PRIMARY KEY,
  provider_id BIGINT NOT NULL REFERENCES provider (id),
  month VARCHAR(7) NOT NULL,
  -- sent | confirmed | disputed | resolved
  status VARCHAR(20) NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  gross BIGINT NOT NULL,
  refunded BIGINT NOT NULL,
  commission BIGINT NOT NULL,
  net BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  confirmed_at BIGINT,
  CONSTRAINT settlement_provider_month UNIQUE (provider_id, month)
);

CREATE TABLE settlement_line (
  settlement_id VARCHAR(40) NOT NULL REFERENCES settlement (id),
  line INTEGER NOT NULL,
  order_no VARCHAR(40) NOT NULL,
  product_id VARCHAR(20) NOT NULL,
  product_name VARCHAR(300) NOT NULL,
  product_type VARCHAR(20) NOT NULL,
  completed_at BIGINT NOT NULL,
  price BIGINT NOT NULL,
  refunded BIGINT NOT NULL,
  rate VARCHAR(10) NOT NULL,
  commission BIGINT NOT NULL,
  net BIGINT NOT NULL,
  PRIMARY KEY (settlement_id, line)
);
