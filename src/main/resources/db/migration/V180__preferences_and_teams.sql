-- Preferences and teams (docs/preferences.md, docs/teams.md).

-- A provider address's role in its account's team: admin, products, orders or readonly. Every
-- address that existed before teams is an admin, as is the first address of a new account.
ALTER TABLE provider_address ADD COLUMN team_role VARCHAR(16) NOT NULL DEFAULT 'admin';
-- When and by whom a member was added (null for addresses registered at onboarding).
ALTER TABLE provider_address ADD COLUMN added_at BIGINT;
ALTER TABLE provider_address ADD COLUMN added_by VARCHAR(320);

-- One person's preferences, by address (any role). No row: order mails instant, the language of
-- the last mail the person wrote.
CREATE TABLE preference (
  address VARCHAR(320) PRIMARY KEY,
  order_mail VARCHAR(16) NOT NULL DEFAULT 'instant',
  lang VARCHAR(16),
  updated_at BIGINT NOT NULL
);

-- Order notices held for the daily summary of a person whose order mails are daily; summary_at is
-- set when the summary that carried it was queued.
CREATE TABLE held_notice (
  id ${id},
  address VARCHAR(320) NOT NULL,
  lang VARCHAR(16) NOT NULL,
  subject VARCHAR(1000) NOT NULL,
  body TEXT NOT NULL,
  about VARCHAR(200),
  created_at BIGINT NOT NULL,
  summary_at BIGINT
);
CREATE INDEX held_notice_waiting ON held_notice (summary_at, address);
