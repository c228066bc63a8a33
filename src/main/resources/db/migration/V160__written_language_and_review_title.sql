-- Each mail for its reader (docs/languages.md): the language a person last wrote in, so that mails
-- nobody asked for (the review digest, reminders, escalations, review requests) reach operators in it.
CREATE TABLE written_language (
  address VARCHAR(320) PRIMARY KEY,
  lang VARCHAR(16) NOT NULL,
  written_at BIGINT NOT NULL
);

-- A review's title as what it is made of (a catalog key and its arguments, JSON), worded for each
-- reader when a mail or page is written; title_zh and title_en stay for older rows and the API.
ALTER TABLE review ADD COLUMN title_msg TEXT;
