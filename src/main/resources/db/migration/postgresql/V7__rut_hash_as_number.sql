-- The RUT's keyed hash is kept as the 64-bit number its 16 hexadecimal characters spell
-- (read by V8, which narrows the whole record). Vendor-specific: PostgreSQL reads the text as bits.
ALTER TABLE intake_record ADD COLUMN rut_number BIGINT;
UPDATE intake_record SET rut_number = ('x' || rut_hash)::bit(64)::bigint WHERE rut_hash IS NOT NULL;
