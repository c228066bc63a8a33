-- Language codes are longer than two letters since 繁體中文 (zh-Hant, docs/languages.md).
-- SQLite does not enforce VARCHAR lengths, so only PostgreSQL needs the wider columns.
${pg_only}ALTER TABLE review ALTER COLUMN lang TYPE VARCHAR(16);
${pg_only}ALTER TABLE orders ALTER COLUMN buyer_lang TYPE VARCHAR(16);
${pg_only}ALTER TABLE orders ALTER COLUMN provider_lang TYPE VARCHAR(16);
