-- Cases as counted (SPEC rule 2, "one case per central folio"): a record without a central
-- folio is one case; records sharing a central folio are one case, the intake record (municipal
-- platform or partner service) applied last, under its channel, with its type, date and comuna;
-- a central (portal) record is a case only while no intake record carries its folio.
CREATE VIEW counted_case AS
SELECT source_name, record_type, subtype, channel, intake_day, comuna_code, region_code, rut_hash, organization,
	place_code
FROM intake_record
WHERE folio IS NULL AND NOT central
UNION ALL
SELECT source_name, record_type, subtype, channel, intake_day, comuna_code, region_code, rut_hash, organization,
	place_code
FROM (
	SELECT r.*, MAX(CASE WHEN NOT r.central THEN r.version_seq END) OVER (PARTITION BY r.folio) AS latest_intake
	FROM intake_record r
	WHERE r.folio IS NOT NULL
) f
WHERE (central AND latest_intake IS NULL) OR (NOT central AND version_seq = latest_intake);

INSERT INTO record_store (version) VALUES (1);
