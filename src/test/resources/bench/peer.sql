-- The benchmark's peer: Cifras' table tables/by_channel_year.csv counted again by DuckDB
-- alone, from the same input folder, with SPEC's rules written in SQL (docs/SPEC.md).
--
-- Parameters, set before this script runs (cl.sernac.cifras.bench.SqlPeer sets them):
--   input     the input folder (every file in it is looked at, as Cifras' intake does)
--   run_date  DATE, the day of the run (rule 3: a date after it is rejected)
--   work      an empty scratch folder (Windows-1252 exports transcoded to UTF-8, see 3.)
-- The last statement returns the table: record_type, subtype, channel, year, records.
--
-- What it does, as Cifras does it for one run on an empty store:
--   1. the six exports (application.yml's cifras.sources);
--   2. the files: matched by name, fingerprinted, identical copies set aside, applied in
--      name order;
--   3. the rows: DuckDB's CSV reader, the header found by name, every row kept in order;
--   4. each row normalized, or rejected for a reason of rule 3;
--   5. rule 1 (and 5): the last version of each key wins;
--   6. rule 2: one case per central folio;
--   7. the count by type, subtype, channel and year.
-- A statement ends with a semicolon at the end of a line.

-- ---- 0. Text as Cifras compares it (cl.sernac.cifras.support.Text) -------------------

-- Java's whitespace and Unicode space separators: folded to one space, trimmed.
CREATE MACRO fold(s) AS upper(replace(replace(trim(regexp_replace(
    strip_accents(replace(coalesce(s, ''), chr(65279), '')),
    '[\t-\r\x{1C}-\x{20}\p{Z}]+', ' ', 'g')), 'ß', 'SS'), 'ŉ', 'ʼN'));

-- String.strip() and String.isBlank(): Java's whitespace, which leaves out no-break spaces.
CREATE MACRO java_strip(s) AS regexp_replace(s,
    '^[\t-\r\x{1C}-\x{20}\x{1680}\x{2000}-\x{2006}\x{2008}-\x{200A}\x{2028}\x{2029}\x{205F}\x{3000}]+|[\t-\r\x{1C}-\x{20}\x{1680}\x{2000}-\x{2006}\x{2008}-\x{200A}\x{2028}\x{2029}\x{205F}\x{3000}]+$',
    '', 'g');

-- A row whose fields are all blank is skipped without a word (SPEC).
CREATE MACRO blank_row(fields) AS NOT regexp_matches(array_to_string(fields, ''),
    '[^\t-\r\x{1C}-\x{20}\x{1680}\x{2000}-\x{2006}\x{2008}-\x{200A}\x{2028}\x{2029}\x{205F}\x{3000}]');

-- ---- 1. The six exports (application.yml, cifras.sources) -------------------------------

CREATE TABLE source AS
SELECT * FROM (VALUES
    ('callcenter', '(?is)^callcenter_.*\.csv$', 'windows-1252', 'CALL_CENTER', false,
        ['ID_LLAMADA'], 'FECHA_HORA', 'TIPO_ATENCION', NULL, NULL, NULL, NULL, NULL, ['RUT', 'REGION', 'COMUNA']),
    ('convenio', '(?is)^convenio_.*\.csv$', 'UTF-8', 'CONVENIO', false,
        ['institucion', 'id_caso'], 'fecha_recepcion', 'tipo', NULL, NULL, 'folio_sernac', 'institucion', NULL,
        ['rut', 'comuna']),
    ('movil', '(?is)^movil_.*\.csv$', 'UTF-8', 'MOVIL', false,
        ['fecha', 'comuna_visitada', 'correlativo'], 'fecha', 'tipo', NULL, NULL, NULL, NULL, 'comuna_visitada',
        ['rut', 'comuna_visitada']),
    ('municipal', '(?is)^municipal_.*\.csv$', 'UTF-8', 'MUNICIPAL', false,
        ['Municipio', 'ID Registro'], 'Fecha', 'Tipo de Registro', NULL, NULL, 'Folio SERNAC', 'Municipio', NULL,
        ['RUT', 'Comuna Consumidor']),
    ('oficina', '(?is)^oficina_.*\.csv$', 'windows-1252', 'OFICINA', false,
        ['N_ATENCION'], 'FECHA', 'TIPO', 'SUBTIPO', NULL, NULL, NULL, NULL, ['RUT', 'COMUNA']),
    ('portal', '(?is)^portal_.*\.csv$', 'UTF-8', 'INTERNET', true,
        ['folio'], 'fecha_ingreso', 'tipo_solicitud', 'subtipo', 'canal_origen', 'folio', NULL, NULL,
        ['rut_consumidor', 'region', 'comuna'])
) AS s(name, file_pattern, encoding, channel, central, key_columns, date_column, type_column, subtype_column,
       channel_column, folio_column, organization_column, place_column, other_columns);

-- Type, subtype and channel values, folded; anything else is unknown.
CREATE TABLE type_value AS
SELECT source, fold(value) AS value, code FROM (VALUES
    ('callcenter', 'consulta', 'CONSULTA'), ('callcenter', 'reclamo', 'RECLAMO'),
    ('portal', 'consulta', 'CONSULTA'), ('portal', 'reclamo', 'RECLAMO'), ('portal', 'soni', 'SONI'),
    ('oficina', 'consulta', 'CONSULTA'), ('oficina', 'reclamo', 'RECLAMO'), ('oficina', 'soni', 'SONI'),
    ('municipal', 'consulta', 'CONSULTA'), ('municipal', 'reclamo', 'RECLAMO'),
    ('movil', 'consulta', 'CONSULTA'), ('movil', 'reclamo', 'RECLAMO'),
    ('convenio', 'c', 'CONSULTA'), ('convenio', 'consulta', 'CONSULTA'),
    ('convenio', 'r', 'RECLAMO'), ('convenio', 'reclamo', 'RECLAMO')
) AS v(source, value, code);

CREATE TABLE subtype_value AS
SELECT fold(value) AS value, upper(value) AS code
FROM (VALUES ('disconformidad'), ('reconocimiento'), ('sugerencia')) AS v(value);

-- The portal's canal_origen: empty means INTERNET; an unknown value too (with a warning).
CREATE TABLE channel_value AS
SELECT fold(value) AS value, code
FROM (VALUES ('', 'INTERNET'), ('internet', 'INTERNET'), ('municipal', 'MUNICIPAL'), ('convenio', 'CONVENIO'))
    AS v(value, code);

-- The date formats of the six sources, read strictly as Java's DateTimeFormatter does in
-- Cifras: the text must have the pattern's shape exactly (dd, MM, HH, mm and ss two digits,
-- yyyy four, d and M any number), and its values must exist (31/02/2015 is no date; hours
-- 00-23, minutes and seconds 00-59), which DuckDB's strptime checks.
CREATE MACRO spec_date(source, text) AS CASE source
    WHEN 'callcenter' THEN CASE WHEN regexp_full_match(text, '\d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2}')
        THEN try_strptime(text, '%d/%m/%Y %H:%M:%S')::DATE END         -- dd/MM/yyyy HH:mm:ss
    WHEN 'portal' THEN CASE WHEN regexp_full_match(text, '\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}')
        THEN try_strptime(text, '%Y-%m-%dT%H:%M:%S')::DATE END         -- yyyy-MM-dd'T'HH:mm:ss
    WHEN 'oficina' THEN CASE WHEN regexp_full_match(text, '\d{2}-\d{2}-\d{4}')
        THEN try_strptime(text, '%d-%m-%Y')::DATE END                  -- dd-MM-yyyy
    WHEN 'municipal' THEN CASE WHEN regexp_full_match(text, '\d+/\d+/\d{4}')
        THEN try_strptime(regexp_replace(text, '^0*(\d{1,2})/0*(\d{1,2})/', '\1/\2/'), '%d/%m/%Y')::DATE END
                                                                       -- d/M/yyyy
    WHEN 'movil' THEN CASE WHEN regexp_full_match(text, '\d{4}-\d{2}-\d{2}')
        THEN try_strptime(text, '%Y-%m-%d')::DATE END                  -- yyyy-MM-dd
    WHEN 'convenio' THEN CASE WHEN regexp_full_match(text, '\d{8}')
        THEN try_strptime(text[1:4] || '-' || text[5:6] || '-' || text[7:8], '%Y-%m-%d')::DATE END
                                                                       -- yyyyMMdd
    END;

-- ---- 2. The files (cl.sernac.cifras.admission) ------------------------------------------

-- An empty file: DuckDB cannot read an empty list of files, so every list ends with it.
COPY (SELECT 1 AS nothing WHERE false) TO (getvariable('work') || '/none.csv') (FORMAT csv, HEADER false);
SET VARIABLE none = getvariable('work') || '/none.csv';

-- Every file of the folder, and the source whose pattern its name matches (case-insensitive).
CREATE TABLE export_file AS
SELECT g.file AS path, parse_filename(g.file) AS name, s.name AS source, s.encoding
FROM glob(getvariable('input') || '/*') AS g
JOIN source s ON regexp_matches(parse_filename(g.file), s.file_pattern);

SET VARIABLE export_files = (SELECT coalesce(list(path), []) FROM export_file) || [getvariable('none')];

-- One pass over each file's bytes: its SHA-256 (the same content under any name is the same
-- file), its byte-order mark, whether a UTF-8 file is valid UTF-8 (Cifras refuses it whole
-- otherwise), and whether a Windows-1252 file holds a byte in 0x80-0x9F (see 3.).
CREATE TABLE fingerprint AS
SELECT f.path, b.size, sha256(b.content) AS sha256,
    CASE WHEN b.content[1:3] = '\xEF\xBB\xBF'::BLOB THEN 'UTF-8'
        WHEN b.content[1:2] IN ('\xFF\xFE'::BLOB, '\xFE\xFF'::BLOB) OR b.content[1:4] = '\x00\x00\xFE\xFF'::BLOB
            THEN 'UTF-16/32'
        END AS mark,
    CASE WHEN b.content[1:3] = '\xEF\xBB\xBF'::BLOB OR f.encoding = 'UTF-8' THEN try(decode(b.content)) IS NOT NULL
        ELSE true END AS encoding_ok,
    CASE WHEN f.encoding = 'windows-1252' AND b.content[1:3] <> '\xEF\xBB\xBF'::BLOB
        THEN regexp_matches(b.content::VARCHAR, '\\x[89][0-9A-F]') ELSE false END AS c1_bytes
FROM read_blob(getvariable('export_files')) AS b
JOIN export_file f ON f.path = b.filename;

-- Among files of identical content, the plainest name is ingested and the copies are set
-- aside (AdmissionPlanner.preferredCopies): no copy mark first, then the shorter name, then
-- name order. Empty files wait for their copy to end; a file that is not the UTF-8 its
-- source promises is refused. Admitted files are applied in name order.
CREATE MACRO looks_like_a_copy(name) AS
    regexp_matches(name, '(?i)(^|\PL)(copia|copy|duplicad[oa])(\PL|$)|\(\d+\)|\[\d+\]|~\d*(\.|$)');

CREATE TABLE admitted AS
SELECT f.*, p.size, p.mark, p.c1_bytes, row_number() OVER (ORDER BY f.name) AS ordinal
FROM export_file f
JOIN (SELECT *, row_number() OVER (PARTITION BY sha256 ORDER BY looks_like_a_copy(parse_filename(path)),
        length(parse_filename(path)), parse_filename(path)) = 1 AS preferred
    FROM fingerprint) AS p USING (path)
WHERE p.preferred AND p.size > 0 AND p.encoding_ok AND p.mark IS DISTINCT FROM 'UTF-16/32';

-- ---- 3. The rows -----------------------------------------------------------------------

-- Windows-1252 exports are read as latin-1, which DuckDB reads natively and which is
-- Windows-1252 for every byte but 0x80-0x9F. DuckDB refuses a latin-1 file holding one of
-- those (curly quotes, dashes, the euro sign in free text), so such a file is transcoded
-- here: its bytes as escapes (\xE9), 0xA0-0xFF to their two UTF-8 bytes, 0x80-0x9F to the
-- characters Windows-1252 gives them (the five it leaves undefined to U+FFFD, as Java's
-- decoder replaces them), written to the work folder and read from there as UTF-8.
-- Replacement escapes are written \X so that no later pass rewrites them.
CREATE TABLE windows_1252_c1 AS
SELECT format('\x{:02X}', b) AS escape, replace(encode(u)::VARCHAR, '\x', '\X') AS utf8
FROM (VALUES (128, '€'), (129, '�'), (130, '‚'), (131, 'ƒ'), (132, '„'), (133, '…'), (134, '†'), (135, '‡'),
    (136, 'ˆ'), (137, '‰'), (138, 'Š'), (139, '‹'), (140, 'Œ'), (141, '�'), (142, 'Ž'), (143, '�'), (144, '�'),
    (145, '‘'), (146, '’'), (147, '“'), (148, '”'), (149, '•'), (150, '–'), (151, '—'), (152, '˜'), (153, '™'),
    (154, 'š'), (155, '›'), (156, 'œ'), (157, '�'), (158, 'ž'), (159, 'Ÿ')) AS c(b, u);

SET VARIABLE c1_escapes = (SELECT list({'escape': escape, 'utf8': utf8}) FROM windows_1252_c1);

CREATE MACRO windows_1252_to_utf8(content) AS decode(replace(list_reduce(getvariable('c1_escapes'),
    lambda t, c: replace(t, c.escape, c.utf8),
    regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(content::VARCHAR,
        '\\x([AB][0-9A-F])', '\\XC2\\X\1', 'g'),
        '\\xC([0-9A-F])', '\\XC3\\X8\1', 'g'),
        '\\xD([0-9A-F])', '\\XC3\\X9\1', 'g'),
        '\\xE([0-9A-F])', '\\XC3\\XA\1', 'g'),
        '\\xF([0-9A-F])', '\\XC3\\XB\1', 'g')), '\X', '\x')::BLOB);

SET VARIABLE c1_files = (SELECT coalesce(list(path), []) FROM admitted WHERE c1_bytes) || [getvariable('none')];

COPY (SELECT a.ordinal, windows_1252_to_utf8(b.content) AS text
    FROM read_blob(getvariable('c1_files')) AS b JOIN admitted a ON a.path = b.filename)
TO (getvariable('work') || '/utf-8') (FORMAT csv, HEADER false, QUOTE '', ESCAPE '', PARTITION_BY (ordinal));

-- What each source reads, by encoding: a byte-order mark says UTF-8 whatever the source's
-- usual encoding (spreadsheet re-saves), and the transcoded copies are UTF-8.
CREATE TABLE reading AS
SELECT ordinal, source, path,
    CASE WHEN encoding = 'windows-1252' AND mark IS NULL THEN 'latin-1' ELSE 'utf-8' END AS encoding
FROM admitted WHERE NOT c1_bytes
UNION ALL
SELECT regexp_extract(g.file, 'ordinal=(\d+)', 1)::BIGINT, a.source, g.file, 'utf-8'
FROM glob(getvariable('work') || '/utf-8/*/*.csv') AS g
JOIN admitted a ON a.ordinal = regexp_extract(g.file, 'ordinal=(\d+)', 1)::BIGINT;

CREATE MACRO files_of(source_name, encoding_name) AS
    (SELECT coalesce(list(path ORDER BY ordinal), []) FROM reading
        WHERE source = source_name AND encoding = encoding_name)
    || [getvariable('none')];

SET VARIABLE callcenter_latin_1 = files_of('callcenter', 'latin-1');
SET VARIABLE callcenter_utf_8 = files_of('callcenter', 'utf-8');
SET VARIABLE oficina_latin_1 = files_of('oficina', 'latin-1');
SET VARIABLE oficina_utf_8 = files_of('oficina', 'utf-8');
SET VARIABLE portal_utf_8 = files_of('portal', 'utf-8');
SET VARIABLE municipal_utf_8 = files_of('municipal', 'utf-8');
SET VARIABLE movil_utf_8 = files_of('movil', 'utf-8');
SET VARIABLE convenio_utf_8 = files_of('convenio', 'utf-8');

-- RFC 4180 (quotes doubled inside quoted fields, which can hold the delimiter, quotes and
-- line breaks), no header (it is found by name below), every field as text: an empty field
-- is '' and a field the row lacks is NULL, so a row's fields are its non-NULL cells. A row
-- of more than 40 fields is cut at 40, still more than any header has. seq keeps the rows
-- in file order (a window with an empty OVER clause preserves the scan's order).
CREATE MACRO export_records(files, sep, enc) AS TABLE
SELECT filename AS path, row_number() OVER () AS seq,
    list_filter([c01, c02, c03, c04, c05, c06, c07, c08, c09, c10, c11, c12, c13, c14, c15, c16, c17, c18, c19,
        c20, c21, c22, c23, c24, c25, c26, c27, c28, c29, c30, c31, c32, c33, c34, c35, c36, c37, c38, c39, c40],
        lambda c: c IS NOT NULL) AS fields
FROM read_csv(files, header = false, delim = sep, quote = '"', escape = '"', encoding = enc,
    auto_detect = false, null_padding = true, parallel = false, strict_mode = false, filename = true,
    nullstr = chr(1) || 'NULL' || chr(1), allow_quoted_nulls = false,
    columns = {'c01': 'VARCHAR', 'c02': 'VARCHAR', 'c03': 'VARCHAR', 'c04': 'VARCHAR', 'c05': 'VARCHAR',
        'c06': 'VARCHAR', 'c07': 'VARCHAR', 'c08': 'VARCHAR', 'c09': 'VARCHAR', 'c10': 'VARCHAR',
        'c11': 'VARCHAR', 'c12': 'VARCHAR', 'c13': 'VARCHAR', 'c14': 'VARCHAR', 'c15': 'VARCHAR',
        'c16': 'VARCHAR', 'c17': 'VARCHAR', 'c18': 'VARCHAR', 'c19': 'VARCHAR', 'c20': 'VARCHAR',
        'c21': 'VARCHAR', 'c22': 'VARCHAR', 'c23': 'VARCHAR', 'c24': 'VARCHAR', 'c25': 'VARCHAR',
        'c26': 'VARCHAR', 'c27': 'VARCHAR', 'c28': 'VARCHAR', 'c29': 'VARCHAR', 'c30': 'VARCHAR',
        'c31': 'VARCHAR', 'c32': 'VARCHAR', 'c33': 'VARCHAR', 'c34': 'VARCHAR', 'c35': 'VARCHAR',
        'c36': 'VARCHAR', 'c37': 'VARCHAR', 'c38': 'VARCHAR', 'c39': 'VARCHAR', 'c40': 'VARCHAR'});

CREATE TABLE record AS
SELECT r.ordinal, r.source, x.seq, x.fields, blank_row(x.fields) AS blank
FROM (
    SELECT * FROM export_records(getvariable('callcenter_latin_1'), ';', 'latin-1')
    UNION ALL SELECT * FROM export_records(getvariable('callcenter_utf_8'), ';', 'utf-8')
    UNION ALL SELECT * FROM export_records(getvariable('oficina_latin_1'), ';', 'latin-1')
    UNION ALL SELECT * FROM export_records(getvariable('oficina_utf_8'), ';', 'utf-8')
    UNION ALL SELECT * FROM export_records(getvariable('portal_utf_8'), ',', 'utf-8')
    UNION ALL SELECT * FROM export_records(getvariable('municipal_utf_8'), ';', 'utf-8')
    UNION ALL SELECT * FROM export_records(getvariable('movil_utf_8'), ',', 'utf-8')
    UNION ALL SELECT * FROM export_records(getvariable('convenio_utf_8'), chr(9), 'utf-8')
) AS x
JOIN reading r ON r.path = x.path;

-- The header is the first row that is not blank; columns are found by name, compared folded
-- (the first of two equal names counts). A file whose header lacks a column of its source
-- is not ingested.
CREATE TABLE layout AS
WITH header AS (
    SELECT ordinal, source, seq, list_transform(fields, lambda f: fold(f)) AS names, len(fields) AS width
    FROM record
    WHERE NOT blank
    QUALIFY row_number() OVER (PARTITION BY ordinal ORDER BY seq) = 1
),
located AS (
    SELECT h.ordinal, h.source, h.seq AS header_seq, h.width, s.central, s.channel,
        s.channel_column IS NOT NULL AS channel_read,
        list_transform(s.key_columns, lambda c: list_position(h.names, fold(c))) AS key_at,
        list_position(h.names, fold(s.date_column)) AS date_at,
        list_position(h.names, fold(s.type_column)) AS type_at,
        list_position(h.names, fold(s.subtype_column)) AS subtype_at,
        list_position(h.names, fold(s.channel_column)) AS channel_at,
        list_position(h.names, fold(s.folio_column)) AS folio_at,
        list_position(h.names, fold(s.organization_column)) AS organization_at,
        list_position(h.names, fold(s.place_column)) AS place_at,
        list_transform(s.other_columns, lambda c: list_position(h.names, fold(c))) AS other_at,
        [s.date_column, s.type_column, s.subtype_column, s.channel_column, s.folio_column,
            s.organization_column, s.place_column] AS role_columns
    FROM header h JOIN source s ON s.name = h.source
)
SELECT *,
    -- the fields a row is checked for control characters in: every column the count reads
    list_filter(key_at || [date_at, type_at, subtype_at, channel_at, folio_at, organization_at, place_at]
        || other_at, lambda i: i IS NOT NULL) AS read_at
FROM located
WHERE list_bool_and(list_transform(key_at || other_at, lambda i: i IS NOT NULL))
    AND list_bool_and(list_transform(list_zip(role_columns,
        [date_at, type_at, subtype_at, channel_at, folio_at, organization_at, place_at]),
        lambda p: p[1] IS NULL OR p[2] IS NOT NULL));

-- ---- 4. Each row normalized, or rejected (rule 3) ---------------------------------------

CREATE TABLE normalized AS
WITH row_value AS (
    SELECT r.ordinal, r.seq, l.source, l.central, l.channel AS source_channel, l.channel_read,
        len(r.fields) <> l.width AS wrong_width,
        regexp_matches(array_to_string(list_select(r.fields, l.read_at), chr(9)), '[\x00-\x08\x0A-\x1F\x7F]')
            AS control_characters,
        list_transform(list_select(r.fields, l.key_at), lambda f: fold(f)) AS key_parts,
        java_strip(r.fields[l.date_at]) AS date_text,
        fold(r.fields[l.type_at]) AS type_text,
        fold(r.fields[l.subtype_at]) AS subtype_text,
        fold(r.fields[l.channel_at]) AS channel_text,
        nullif(fold(r.fields[l.folio_at]), '') AS folio_text,
        nullif(fold(r.fields[l.organization_at]), '') AS organization,
        nullif(fold(r.fields[l.place_at]), '') AS place
    FROM record r JOIN layout l USING (ordinal)
    WHERE r.seq > l.header_seq AND NOT r.blank
),
valued AS (
    SELECT v.*, array_to_string(v.key_parts, '|') AS key, spec_date(v.source, v.date_text) AS day,
        t.code AS type, CASE WHEN t.code = 'SONI' THEN st.code END AS subtype,
        CASE WHEN v.channel_read THEN coalesce(c.code, v.source_channel) ELSE v.source_channel END AS channel,
        CASE WHEN v.central THEN array_to_string(v.key_parts, '|') ELSE v.folio_text END AS folio
    FROM row_value v
    LEFT JOIN type_value t ON t.source = v.source AND t.value = v.type_text
    LEFT JOIN subtype_value st ON st.value = v.subtype_text
    LEFT JOIN channel_value c ON c.value = v.channel_text
)
SELECT ordinal, seq, source, central, key, type, subtype, channel, day, folio, organization, place,
    CASE WHEN wrong_width THEN 'field-count'
        WHEN control_characters THEN 'control-characters'
        WHEN list_contains(key_parts, '') THEN 'missing-key'
        WHEN day IS NULL THEN 'bad-date'
        WHEN year(day) < 2000 OR day > getvariable('run_date') THEN 'date-out-of-range'
        WHEN type IS NULL OR (type = 'SONI' AND subtype IS NULL) THEN 'unknown-type'
        WHEN length(key) > 400 OR length(folio) > 60 OR length(organization) > 200 THEN 'value-too-long'
        END AS rejected
FROM valued;

-- ---- 5. Rule 1 (and rule 5: keys compared folded): the last version of a key wins ------

CREATE TABLE latest AS
SELECT * FROM normalized
WHERE rejected IS NULL
QUALIFY row_number() OVER (PARTITION BY source, key ORDER BY ordinal DESC, seq DESC) = 1;

-- ---- 6. Rule 2: one case per central folio -----------------------------------------------

-- A central (portal) record counts when no municipal or partner record carries its folio;
-- of the intake records carrying one folio, the one whose version is the latest counts, with
-- its own type, date and channel. A record's version is the row that last changed what it
-- counts (a row delivered again unchanged keeps the version it had), as Cifras' merge keeps
-- it; only folios carried by several intake records need it.
CREATE TABLE shared_folio AS
SELECT folio FROM latest WHERE NOT central AND folio IS NOT NULL GROUP BY folio HAVING count(*) > 1;

CREATE TABLE carrier AS
WITH history AS (
    SELECT n.source, n.key, n.folio AS final_folio, o.ordinal, o.seq,
        (o.type, o.subtype, o.channel, o.day, o.folio, o.organization, o.place) IS DISTINCT FROM lag((o.type,
            o.subtype, o.channel, o.day, o.folio, o.organization, o.place))
            OVER (PARTITION BY o.source, o.key ORDER BY o.ordinal, o.seq) AS changed
    FROM latest n
    JOIN normalized o ON o.source = n.source AND o.key = n.key AND o.rejected IS NULL
    WHERE n.folio IN (SELECT folio FROM shared_folio) AND NOT n.central
),
version AS (
    SELECT source, key, final_folio, max((ordinal, seq)) FILTER (WHERE changed) AS version
    FROM history GROUP BY ALL
)
SELECT final_folio AS folio, source, key FROM version
QUALIFY row_number() OVER (PARTITION BY final_folio ORDER BY version DESC) = 1
UNION ALL
SELECT folio, source, key FROM latest
WHERE NOT central AND folio IS NOT NULL AND folio NOT IN (SELECT folio FROM shared_folio);

CREATE TABLE counted AS
SELECT l.* FROM latest l
WHERE (l.central AND NOT EXISTS (SELECT 1 FROM carrier c WHERE c.folio = l.folio))
    OR (NOT l.central AND l.folio IS NULL)
    OR (NOT l.central AND EXISTS (SELECT 1 FROM carrier c WHERE c.source = l.source AND c.key = l.key));

-- ---- 7. The table ---------------------------------------------------------------------

SELECT type AS record_type, coalesce(subtype, '') AS subtype, channel, year(day) AS year, count(*) AS records
FROM counted
GROUP BY ALL
ORDER BY record_type, subtype, channel, year;
