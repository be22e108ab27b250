-- From version 1: the programme and the detail columns, work tables declared again as copies of
-- intake_record (they are empty between merges), the views created again after this script.
DROP VIEW counted_case;
ALTER TABLE intake_record ADD COLUMN programme VARCHAR;
ALTER TABLE intake_record ADD COLUMN detail VARCHAR;
DROP TABLE staged_row;
DROP TABLE applied_row;
CREATE TABLE staged_row AS SELECT * FROM intake_record WHERE FALSE;
CREATE TABLE applied_row AS SELECT *, CAST(NULL AS VARCHAR) AS outcome FROM intake_record WHERE FALSE;
UPDATE record_store SET version = 2;
