-- The RUT's keyed hash is kept as the 64-bit number its 16 hexadecimal characters spell
-- (read by V8, which narrows the whole record). Vendor-specific: H2 reads the text with Java.
CREATE ALIAS cifras_parse_hex FOR 'java.lang.Long.parseUnsignedLong(java.lang.String, int)';

ALTER TABLE intake_record ADD COLUMN rut_number BIGINT;
UPDATE intake_record SET rut_number = cifras_parse_hex(rut_hash, 16) WHERE rut_hash IS NOT NULL;

DROP ALIAS cifras_parse_hex;
