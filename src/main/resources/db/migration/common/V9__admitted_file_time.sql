-- The modification time of an admitted file (nanoseconds since the epoch), beside its size: reading
-- checks that the file it read is still the one admitted. Empty for files admitted before.
ALTER TABLE ingest_file ADD COLUMN modified_ns BIGINT;
