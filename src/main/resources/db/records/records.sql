-- The record store, on DuckDB (embedded, a file beside the ledger) and on PostgreSQL (the
-- server profile) alike. Version 2.
-- intake_record: one row per record key, its latest version (SPEC rule 1); consultations,
-- complaints and SONI (record_type CONSULTA, RECLAMO, SONI), lawsuits (JUICIO) and activities
-- (ACTIVIDAD) alike, so rule 1 is applied to every kind by the same merge.
-- staged_row / applied_row: the rows of the files being merged (and each row's outcome), filled
-- and emptied inside the merge's transaction.
-- merged_file: the files whose rows are in intake_record, written in the same transaction as
-- those rows: the store's own account of what it holds, checked against the ledger.
CREATE TABLE record_store (
	version INTEGER NOT NULL
);

CREATE TABLE intake_record (
	source_name VARCHAR NOT NULL,
	record_key VARCHAR NOT NULL,
	central BOOLEAN NOT NULL,
	record_type VARCHAR NOT NULL,
	subtype VARCHAR,
	channel VARCHAR NOT NULL,
	intake_day INTEGER NOT NULL,
	comuna_code VARCHAR,
	region_code VARCHAR,
	rut_hash BIGINT,
	folio VARCHAR,
	organization VARCHAR,
	place_code VARCHAR,
	file_id BIGINT NOT NULL,
	version_seq BIGINT NOT NULL,
	-- the folded programme a consultation or complaint was taken in, whatever its channel
	programme VARCHAR,
	-- a lawsuit's or an activity's codes and numbers beyond the common columns (see account.sql)
	detail VARCHAR
);

CREATE TABLE staged_row AS SELECT * FROM intake_record WHERE FALSE;

CREATE TABLE applied_row AS SELECT *, CAST(NULL AS VARCHAR) AS outcome FROM intake_record WHERE FALSE;

CREATE TABLE merged_file (
	file_id BIGINT NOT NULL PRIMARY KEY,
	sha256 VARCHAR NOT NULL,
	rows_staged BIGINT NOT NULL,
	records_new BIGINT NOT NULL,
	records_updated BIGINT NOT NULL,
	records_unchanged BIGINT NOT NULL,
	merged_at TIMESTAMP NOT NULL
);

INSERT INTO record_store (version) VALUES (2);
