-- On PostgreSQL the records are keyed for the merge's lookups, and the merge's work tables are
-- not written to the server's log.
ALTER TABLE staged_row SET UNLOGGED;
ALTER TABLE applied_row SET UNLOGGED;
ALTER TABLE intake_record ADD CONSTRAINT intake_record_pk PRIMARY KEY (source_name, record_key);
CREATE INDEX intake_record_folio_ix ON intake_record (folio);
