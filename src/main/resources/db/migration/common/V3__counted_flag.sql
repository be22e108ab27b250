-- Rule 2 is kept as a flag on each record, maintained file by file as folios change, instead of
-- being recomputed by correlated subqueries every time the counted cases are read.
ALTER TABLE intake_record ADD COLUMN counted BOOLEAN DEFAULT FALSE NOT NULL;

UPDATE intake_record SET counted = CASE
	WHEN folio IS NULL THEN NOT central
	WHEN central THEN NOT EXISTS (SELECT 1 FROM intake_record o
		WHERE o.folio = intake_record.folio AND o.central = FALSE)
	ELSE NOT EXISTS (SELECT 1 FROM intake_record o
		WHERE o.folio = intake_record.folio AND o.central = FALSE AND o.version_seq > intake_record.version_seq)
	END;

-- Folios whose cases a merge must settle again (old and new folios of the rows it applied).
CREATE TABLE affected_folio (
	folio VARCHAR(60) NOT NULL
);

DROP VIEW counted_case;

-- Cases as counted: every non-central record, one per central folio (the latest applied), plus
-- central records whose folio no intake record carries (rule 2), as flagged by the merge.
CREATE VIEW counted_case AS
SELECT source_name, record_type, subtype, channel, intake_day, comuna_code, region_code, rut_hash, organization,
	place_code
FROM intake_record
WHERE counted = TRUE;
