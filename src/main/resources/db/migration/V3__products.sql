-- Products (SPEC §3). product holds the live version's fields (NULL until first approved) so that
-- orders and pages read one row; product_version keeps every submitted version.
CREATE TABLE product (
  id VARCHAR(20) PRIMARY KEY,
  provider_id BIGINT NOT NULL REFERENCES provider (id),
  -- ops | software | image | saas
  type VARCHAR(20) NOT NULL,
  -- in_review | listed | rejected | delisted
  status VARCHAR(20) NOT NULL,
  live_version INTEGER,
  pending_version INTEGER,
  name VARCHAR(200),
  price BIGINT,
  unit VARCHAR(40),
  summary VARCHAR(500),
  description TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX product_provider ON product (provider_id, status);

CREATE TABLE product_version (
  product_id VARCHAR(20) NOT NULL REFERENCES product (id),
  version INTEGER NOT NULL,
  type VARCHAR(20) NOT NULL,
  name VARCHAR(200) NOT NULL,
  price BIGINT NOT NULL,
  unit VARCHAR(40) NOT NULL,
  summary VARCHAR(500) NOT NULL,
  description TEXT NOT NULL,
  -- in_review | approved | rejected | superseded
  status VARCHAR(20) NOT NULL,
  review_id BIGINT,
  submitted_by VARCHAR(320) NOT NULL,
  submitted_at BIGINT NOT NULL,
  PRIMARY KEY (product_id, version)
);

CREATE TABLE product_seq (
  n ${id},
  at BIGINT NOT NULL
);
