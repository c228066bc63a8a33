-- Reviews (SPEC §5): one table for every kind (account, product, price, appeal).
CREATE TABLE review (
  id ${id},
  kind VARCHAR(20) NOT NULL,
  subject VARCHAR(100) NOT NULL,
  provider_id BIGINT REFERENCES provider (id),
  requested_by VARCHAR(320) NOT NULL,
  inbound_id BIGINT,
  lang VARCHAR(2) NOT NULL,
  title_zh VARCHAR(500) NOT NULL,
  title_en VARCHAR(500) NOT NULL,
  payload TEXT NOT NULL,
  changes TEXT NOT NULL,
  -- open -> approved | rejected | superseded
  status VARCHAR(20) NOT NULL,
  submitted_at BIGINT NOT NULL,
  due_at BIGINT NOT NULL,
  decided_at BIGINT,
  decided_by VARCHAR(320),
  decision_note TEXT,
  superseded_by BIGINT
);
CREATE INDEX review_status ON review (status, due_at);
CREATE INDEX review_subject ON review (kind, subject, status);
