-- The records move to the record store (a DuckDB file beside this database; on PostgreSQL, the
-- store's own tables, created by the store). What earlier versions kept here is dropped: the
-- ledger still lists every file merged, the record store lists none, and the first run after
-- the upgrade rebuilds the records from the archived files (see the README, Upgrading).
DROP VIEW IF EXISTS counted_case;
DROP VIEW IF EXISTS record_text;
DROP TABLE IF EXISTS intake_record;
DROP TABLE IF EXISTS case_cell;
DROP TABLE IF EXISTS store_code;
