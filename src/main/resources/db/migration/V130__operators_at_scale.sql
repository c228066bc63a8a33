-- Operators at scale (docs/reviews.md): numbered review lists, escalation, time away.

-- A numbered list of open reviews as one operator was shown it (the daily digest or 待审核).
CREATE TABLE review_list (
  id ${id},
  address VARCHAR(320) NOT NULL,
  source VARCHAR(20) NOT NULL,
  created_at BIGINT NOT NULL
);

-- Number N of a list: the review and how it stood then (its status; a newer request supersedes it).
CREATE TABLE review_list_item (
  list_id BIGINT NOT NULL REFERENCES review_list (id),
  number INT NOT NULL,
  review_id BIGINT NOT NULL,
  listed_status VARCHAR(20) NOT NULL,
  PRIMARY KEY (list_id, number)
);

-- When an overdue review was first mailed to the lead (null: never escalated).
ALTER TABLE review ADD COLUMN escalated_at BIGINT;

-- An operator away until a moment (set by 休假 or by an out-of-office reply).
CREATE TABLE operator_away (
  operator_id BIGINT PRIMARY KEY REFERENCES operator (id),
  until_at BIGINT NOT NULL,
  source VARCHAR(20) NOT NULL,
  set_at BIGINT NOT NULL
);
