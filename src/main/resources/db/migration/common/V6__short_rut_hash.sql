-- The RUT's keyed hash is kept to its first 64 bits (16 hex characters, as RutHasher now
-- writes it): a narrower row, the same comparisons. The view reading the column is dropped
-- and created again around the change (PostgreSQL does not alter a column a view uses).
DROP VIEW counted_case;

ALTER TABLE intake_record ALTER COLUMN rut_hash SET DATA TYPE VARCHAR(64);
UPDATE intake_record SET rut_hash = SUBSTRING(rut_hash, 1, 16) WHERE rut_hash IS NOT NULL;
ALTER TABLE intake_record ALTER COLUMN rut_hash SET DATA TYPE VARCHAR(16);

CREATE VIEW counted_case AS
SELECT source_name, record_type, subtype, channel, intake_day, comuna_code, region_code, rut_hash, organization,
	place_code
FROM intake_record
WHERE counted = TRUE;
