-- The RUT's keyed hash is kept to its first 64 bits (16 hex characters, as RutHasher now
-- writes it): a narrower row, the same comparisons.
ALTER TABLE intake_record ALTER COLUMN rut_hash SET DATA TYPE VARCHAR(64);
UPDATE intake_record SET rut_hash = SUBSTRING(rut_hash, 1, 16) WHERE rut_hash IS NOT NULL;
ALTER TABLE intake_record ALTER COLUMN rut_hash SET DATA TYPE VARCHAR(16);
