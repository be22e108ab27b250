-- The counted cases grouped as every output reads them, kept up to date by the merge
-- (+1 / -1 as records start or stop counting), so that the outputs read a few thousand
-- cells instead of grouping the whole store on every run. Empty strings stand for "none"
-- in the key: the subtype of a consultation or complaint, the place of a case outside the
-- mobile unit, the municipality of a case outside the municipal platforms.
CREATE TABLE case_cell (
	record_type VARCHAR(16) NOT NULL,
	subtype VARCHAR(16) NOT NULL,
	channel VARCHAR(16) NOT NULL,
	ym INTEGER NOT NULL,
	place VARCHAR(5) NOT NULL,
	organization VARCHAR(200) NOT NULL,
	records BIGINT NOT NULL,
	CONSTRAINT case_cell_pk PRIMARY KEY (record_type, subtype, channel, ym, place, organization)
);

INSERT INTO case_cell (record_type, subtype, channel, ym, place, organization, records)
SELECT record_type, COALESCE(subtype, ''), channel, intake_day / 100,
	CASE WHEN channel = 'MOVIL' THEN COALESCE(place_code, '') ELSE '' END,
	CASE WHEN channel = 'MUNICIPAL' THEN COALESCE(organization, '') ELSE '' END,
	COUNT(*)
FROM intake_record
WHERE counted = TRUE
GROUP BY record_type, COALESCE(subtype, ''), channel, intake_day / 100,
	CASE WHEN channel = 'MOVIL' THEN COALESCE(place_code, '') ELSE '' END,
	CASE WHEN channel = 'MUNICIPAL' THEN COALESCE(organization, '') ELSE '' END;
