-- A narrow record: numbers instead of repeated texts. Sources, types, subtypes, channels and
-- institutions become small codes given by the merge (store_code, never reused); comunas,
-- regions and the mobile unit's place become their official codes as numbers; the RUT's hash
-- the number V7 read. The key and the central folio stay texts: they are matched exactly.
CREATE TABLE store_code (
	kind VARCHAR(16) NOT NULL,
	code INTEGER NOT NULL,
	name VARCHAR(200) NOT NULL,
	CONSTRAINT store_code_pk PRIMARY KEY (kind, code),
	CONSTRAINT store_code_name_uk UNIQUE (kind, name)
);

INSERT INTO store_code (kind, code, name)
SELECT 'source', ROW_NUMBER() OVER (ORDER BY name), name
FROM (SELECT DISTINCT source_name AS name FROM intake_record) v;
INSERT INTO store_code (kind, code, name)
SELECT 'type', ROW_NUMBER() OVER (ORDER BY name), name
FROM (SELECT DISTINCT record_type AS name FROM intake_record) v;
INSERT INTO store_code (kind, code, name)
SELECT 'subtype', ROW_NUMBER() OVER (ORDER BY name), name
FROM (SELECT DISTINCT subtype AS name FROM intake_record WHERE subtype IS NOT NULL) v;
INSERT INTO store_code (kind, code, name)
SELECT 'channel', ROW_NUMBER() OVER (ORDER BY name), name
FROM (SELECT DISTINCT channel AS name FROM intake_record) v;
INSERT INTO store_code (kind, code, name)
SELECT 'organization', ROW_NUMBER() OVER (ORDER BY name), name
FROM (SELECT DISTINCT organization AS name FROM intake_record WHERE organization IS NOT NULL) v;

CREATE TABLE narrow_record (
	source_code SMALLINT NOT NULL,
	record_key VARCHAR(400) NOT NULL,
	central BOOLEAN NOT NULL,
	type_code SMALLINT NOT NULL,
	subtype_code SMALLINT,
	channel_code SMALLINT NOT NULL,
	intake_day INTEGER NOT NULL,
	comuna_code INTEGER,
	region_code SMALLINT,
	rut_hash BIGINT,
	folio VARCHAR(60),
	organization_code INTEGER,
	place_code INTEGER,
	file_id BIGINT NOT NULL,
	version_seq BIGINT NOT NULL,
	counted BOOLEAN NOT NULL,
	CONSTRAINT record_key_pk PRIMARY KEY (source_code, record_key)
);

INSERT INTO narrow_record (source_code, record_key, central, type_code, subtype_code, channel_code, intake_day,
	comuna_code, region_code, rut_hash, folio, organization_code, place_code, file_id, version_seq, counted)
SELECT s.code, r.record_key, r.central, t.code, st.code, c.code, r.intake_day,
	CAST(r.comuna_code AS INTEGER), CAST(r.region_code AS SMALLINT), r.rut_number, r.folio, o.code,
	CAST(r.place_code AS INTEGER), r.file_id, r.version_seq, r.counted
FROM intake_record r
JOIN store_code s ON s.kind = 'source' AND s.name = r.source_name
JOIN store_code t ON t.kind = 'type' AND t.name = r.record_type
LEFT JOIN store_code st ON st.kind = 'subtype' AND st.name = r.subtype
JOIN store_code c ON c.kind = 'channel' AND c.name = r.channel
LEFT JOIN store_code o ON o.kind = 'organization' AND o.name = r.organization;

DROP VIEW counted_case;
DROP TABLE intake_record;
ALTER TABLE narrow_record RENAME TO intake_record;
CREATE INDEX intake_record_folio_ix ON intake_record (folio, central);

-- Every record with its codes read back as texts, for people reading the store.
CREATE VIEW record_text AS
SELECT s.name AS source_name, r.record_key, r.central, t.name AS record_type, st.name AS subtype,
	c.name AS channel, r.intake_day, LPAD(CAST(r.comuna_code AS VARCHAR(5)), 5, '0') AS comuna_code,
	LPAD(CAST(r.region_code AS VARCHAR(2)), 2, '0') AS region_code, r.rut_hash, r.folio,
	o.name AS organization, LPAD(CAST(r.place_code AS VARCHAR(5)), 5, '0') AS place_code, r.file_id,
	r.version_seq, r.counted
FROM intake_record r
JOIN store_code s ON s.kind = 'source' AND s.code = r.source_code
JOIN store_code t ON t.kind = 'type' AND t.code = r.type_code
LEFT JOIN store_code st ON st.kind = 'subtype' AND st.code = r.subtype_code
JOIN store_code c ON c.kind = 'channel' AND c.code = r.channel_code
LEFT JOIN store_code o ON o.kind = 'organization' AND o.code = r.organization_code;

-- Cases as counted (rule 2, as flagged by the merge).
CREATE VIEW counted_case AS
SELECT source_name, record_type, subtype, channel, intake_day, comuna_code, region_code, rut_hash, organization,
	place_code
FROM record_text
WHERE counted = TRUE;
