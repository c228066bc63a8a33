-- Products (SPEC §3), additions of the products feature (V20-V29 belong to it).
-- action: what the version was submitted as (new | revision | relist);
-- decided_at: when its review was approved or rejected, or when it was superseded or withdrawn.
-- product_version.status also takes 'withdrawn' (a revision dropped because the product was delisted).
ALTER TABLE product_version ADD COLUMN action VARCHAR(20);
ALTER TABLE product_version ADD COLUMN decided_at BIGINT;
ALTER TABLE product ADD COLUMN delisted_at BIGINT;
CREATE INDEX product_version_review ON product_version (review_id);
