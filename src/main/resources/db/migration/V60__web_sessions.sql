-- Web sessions opened by a login link (SPEC §1 登录, §8 personal pages).
-- id is the SHA-256 (hex) of the random cookie value, so a copy of the database opens no session.
CREATE TABLE web_session (
  id VARCHAR(64) PRIMARY KEY,
  address VARCHAR(320) NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  ended_at BIGINT
);
CREATE INDEX web_session_address ON web_session (address);
