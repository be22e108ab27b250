-- The lawsuits and the activities of the public account (SPEC-ACCOUNT), each the latest version
-- of its key, read from intake_record with their own columns. The detail is codes and numbers
-- joined by |, written by the normalizer; no description or other free text is ever stored.
-- lawsuit: action_type INTERES_GENERAL or INTERES_COLECTIVO; filed_day and closed_day as yyyyMMdd;
-- state EN_TRAMITACION or TERMINADO; result FAVORABLE or DESFAVORABLE when closed.
CREATE VIEW lawsuit AS
SELECT source_name, record_key, subtype AS action_type, intake_day AS filed_day,
	CAST(FLOOR(intake_day / 10000) AS INTEGER) AS filed_year, comuna_code,
	split_part(detail, '|', 1) AS state,
	CAST(NULLIF(split_part(detail, '|', 2), '') AS INTEGER) AS closed_day,
	CAST(FLOOR(CAST(NULLIF(split_part(detail, '|', 2), '') AS INTEGER) / 10000) AS INTEGER) AS closed_year,
	NULLIF(split_part(detail, '|', 3), '') AS result,
	file_id
FROM intake_record
WHERE record_type = 'JUICIO';

-- activity: line of work (EDUCACION_FINANCIERA, EDUCACION_GENERAL, ESTUDIO, SONDEO_PRECIOS, CAMPANA,
-- PRENSA, PARTICIPACION); mechanism of a participation (CUENTA_PUBLICA...); school: the RBD's digits;
-- people reached by group.
CREATE VIEW activity AS
SELECT source_name, record_key, subtype AS line, intake_day AS activity_day,
	CAST(FLOOR(intake_day / 10000) AS INTEGER) AS activity_year, comuna_code,
	NULLIF(split_part(detail, '|', 1), '') AS mechanism,
	NULLIF(split_part(detail, '|', 2), '') AS school,
	CAST(split_part(detail, '|', 3) AS BIGINT) AS schoolchildren,
	CAST(split_part(detail, '|', 4) AS BIGINT) AS young_people,
	CAST(split_part(detail, '|', 5) AS BIGINT) AS older_adults,
	file_id
FROM intake_record
WHERE record_type = 'ACTIVIDAD';
