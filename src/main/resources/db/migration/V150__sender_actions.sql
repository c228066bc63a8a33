-- One row per state-changing command a provider or buyer ran (docs/security.md, "The action cap"):
-- the per-sender cap security.actions-per-hour counts these rows of the last hour. Kept small: rows
-- older than a day may be deleted at any time.
CREATE TABLE sender_action (
  id ${id},
  inbound_id BIGINT,
  sender VARCHAR(320) NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX sender_action_sender ON sender_action (sender, at);
