-- The mail pipeline: inbound mails, the outbox, the audit log, reply tokens, small state.
-- Portable SQL (SQLite and PostgreSQL); ${id} and ${blob} are per-dialect placeholders.
-- Times are UTC epoch milliseconds; money is integer minor units (fen).

CREATE TABLE inbound_mail (
  id ${id},
  dedupe_key VARCHAR(300) NOT NULL UNIQUE,
  message_id VARCHAR(1000),
  from_addr VARCHAR(320),
  subject VARCHAR(1000),
  raw ${blob} NOT NULL,
  size BIGINT NOT NULL,
  received_at BIGINT NOT NULL,
  -- received -> processed | failed | ignored
  status VARCHAR(20) NOT NULL,
  note VARCHAR(200),
  error TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  claimed_by VARCHAR(100),
  claimed_until BIGINT,
  processed_at BIGINT
);
CREATE INDEX inbound_mail_status ON inbound_mail (status, received_at);
CREATE INDEX inbound_mail_received ON inbound_mail (received_at);

CREATE TABLE outbox (
  id ${id},
  message_id VARCHAR(300) NOT NULL UNIQUE,
  inbound_id BIGINT REFERENCES inbound_mail (id),
  -- reply | notice | unregistered | ...
  kind VARCHAR(40) NOT NULL,
  to_addr VARCHAR(320) NOT NULL,
  reply_to VARCHAR(320),
  subject VARCHAR(1000) NOT NULL,
  body TEXT NOT NULL,
  in_reply_to VARCHAR(1000),
  refs TEXT,
  token VARCHAR(100),
  -- waiting -> sending -> sent | failed ; suppressed (rate limit)
  status VARCHAR(20) NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  last_error TEXT,
  created_at BIGINT NOT NULL,
  sent_at BIGINT,
  claimed_by VARCHAR(100),
  claimed_until BIGINT
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_to ON outbox (to_addr, created_at);

CREATE TABLE audit_log (
  id ${id},
  at BIGINT NOT NULL,
  actor VARCHAR(320) NOT NULL,
  inbound_id BIGINT,
  entity VARCHAR(40) NOT NULL,
  entity_id VARCHAR(100) NOT NULL,
  action VARCHAR(60) NOT NULL,
  before_state TEXT,
  after_state TEXT
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

-- Single-use tokens for review answers, confirmations and login links.
CREATE TABLE token (
  token VARCHAR(100) PRIMARY KEY,
  purpose VARCHAR(40) NOT NULL,
  subject_id VARCHAR(100) NOT NULL,
  address VARCHAR(320) NOT NULL,
  payload TEXT,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT,
  used_by VARCHAR(320)
);

CREATE TABLE provider (
  id ${id},
  account_id VARCHAR(30) NOT NULL UNIQUE,
  company_name VARCHAR(200) NOT NULL,
  company_address VARCHAR(300) NOT NULL DEFAULT '',
  credit_code VARCHAR(30) NOT NULL DEFAULT '',
  cs_phone VARCHAR(50) NOT NULL DEFAULT '',
  cs_email VARCHAR(320) NOT NULL DEFAULT '',
  cs_hours VARCHAR(100) NOT NULL DEFAULT '',
  contact_name VARCHAR(100) NOT NULL DEFAULT '',
  contact_phone VARCHAR(50) NOT NULL DEFAULT '',
  contact_email VARCHAR(320) NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);

CREATE TABLE provider_address (
  address VARCHAR(320) PRIMARY KEY,
  provider_id BIGINT NOT NULL REFERENCES provider (id)
);

CREATE TABLE operator (
  id ${id},
  name VARCHAR(100) NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE TABLE operator_address (
  address VARCHAR(320) PRIMARY KEY,
  operator_id BIGINT NOT NULL REFERENCES operator (id)
);

-- Small named state: the IMAP UIDVALIDITY seen, whether the demo data was loaded...
CREATE TABLE kv (
  k VARCHAR(200) PRIMARY KEY,
  v TEXT NOT NULL
);

-- One row per timer run (job, period): a run happens once across restarts and instances.
CREATE TABLE job_run (
  job VARCHAR(100) NOT NULL,
  period VARCHAR(100) NOT NULL,
  at BIGINT NOT NULL,
  PRIMARY KEY (job, period)
);
