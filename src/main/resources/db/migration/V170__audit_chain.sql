-- The tamper-evident audit log and history by mail (docs/history.md).
-- Where each entry came from: the actor's role then, the source (mail, api, cli, timer), the mail's
-- Message-ID, subject and authentication result. Entries written before this migration lack them.
ALTER TABLE audit_log ADD COLUMN actor_role VARCHAR(40);
ALTER TABLE audit_log ADD COLUMN source VARCHAR(20);
ALTER TABLE audit_log ADD COLUMN message_id VARCHAR(1000);
ALTER TABLE audit_log ADD COLUMN subject VARCHAR(1000);
ALTER TABLE audit_log ADD COLUMN auth VARCHAR(40);
-- The entry's place in the one hash chain: set when the entry is sealed (AuditChain), null until then.
ALTER TABLE audit_log ADD COLUMN seq BIGINT;
ALTER TABLE audit_log ADD COLUMN prev_hash VARCHAR(64);
ALTER TABLE audit_log ADD COLUMN hash VARCHAR(64);
CREATE UNIQUE INDEX audit_log_seq ON audit_log (seq);

-- The head of the chain: one row, locked by the transaction that seals (docs/adr/0023-audit-chain.md).
CREATE TABLE audit_chain (
  id INTEGER PRIMARY KEY,
  seq BIGINT NOT NULL,
  hash VARCHAR(64) NOT NULL
);
INSERT INTO audit_chain (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Each run of `audit verify` (the status page shows the last one).
CREATE TABLE audit_verification (
  id ${id},
  at BIGINT NOT NULL,
  ok INTEGER NOT NULL,
  entries BIGINT NOT NULL,
  bad_seq BIGINT,
  bad_id BIGINT,
  problem VARCHAR(40),
  by_who VARCHAR(100)
);

-- How the sender of a stored mail was proven: pass (Authentication-Results), token, trust, none.
ALTER TABLE inbound_mail ADD COLUMN auth_result VARCHAR(40);
