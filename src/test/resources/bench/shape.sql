-- What a data set is made of, from the tables bench/peer.sql leaves behind: the figures of
-- the README's comparison of the benchmark's data with SPEC's. Every row figure counts the
-- data rows of the exports as delivered, identical copies included (a copy's rows are its
-- original's). Returns one (figure, value) row per figure.
-- A statement ends with a semicolon at the end of a line.

-- How many files of the folder hold each content: a copy's rows count once per copy.
CREATE TABLE multiplicity AS
SELECT a.ordinal, count(*) AS copies
FROM admitted a JOIN fingerprint f ON f.sha256 = (SELECT sha256 FROM fingerprint WHERE path = a.path)
GROUP BY a.ordinal;

-- Every data row with what it carries: the values the count reads, folded (a row equal to
-- the previous version of its key is a re-delivery, a different one a correction), and
-- whether a field holds a line break (multi-line quoted text).
CREATE TABLE shape_row AS
SELECT n.ordinal, n.seq, n.source, n.key, n.central, n.channel, n.folio, n.rejected, m.copies,
    list_transform(l.read_at, lambda i: fold(r.fields[i])) AS content,
    list_bool_or(list_transform(r.fields, lambda f: contains(f, chr(10)) OR contains(f, chr(13)))) AS multi_line
FROM normalized n
JOIN record r USING (ordinal, seq)
JOIN layout l USING (ordinal)
JOIN multiplicity m USING (ordinal);

CREATE TABLE shape_version AS
SELECT *, lag(content) OVER (PARTITION BY source, key ORDER BY ordinal, seq) AS previous
FROM shape_row WHERE rejected IS NULL;

SELECT figure, value FROM (
    SELECT 1 AS o, 'files' AS figure, (SELECT count(*) FROM glob(getvariable('input') || '/*'))::VARCHAR AS value
    UNION ALL SELECT 2, 'exports_read', (SELECT count(*) FROM layout)::VARCHAR
    UNION ALL SELECT 3, 'rows', (SELECT sum(copies) FROM shape_row)::VARCHAR
    UNION ALL SELECT 4, 'bytes', (SELECT sum(a.size * m.copies) FROM admitted a JOIN multiplicity m USING (ordinal)
        WHERE a.ordinal IN (SELECT ordinal FROM layout))::VARCHAR
    UNION ALL SELECT 5, 'rows_in_identical_copies', (SELECT sum(copies - 1) FROM shape_row)::VARCHAR
    UNION ALL SELECT 6, 're_delivered_rows', ((SELECT sum(copies) - count(*) FROM shape_row)
        + (SELECT count(*) FROM shape_version WHERE previous = content))::VARCHAR
    UNION ALL SELECT 7, 'corrected_rows', (SELECT count(*) FROM shape_version WHERE previous <> content)::VARCHAR
    UNION ALL SELECT 8, 'rejected_rows', (SELECT sum(copies) FROM shape_row WHERE rejected IS NOT NULL)::VARCHAR
    UNION ALL SELECT 9, 'central_folio_rows', (SELECT sum(copies) FROM shape_row WHERE rejected IS NULL
        AND ((NOT central AND folio IS NOT NULL) OR (central AND channel IN ('MUNICIPAL', 'CONVENIO'))))::VARCHAR
    UNION ALL SELECT 10, 'linked_cases', (SELECT count(DISTINCT folio) FROM latest l WHERE l.central
        AND l.folio IN (SELECT folio FROM latest WHERE NOT central AND folio IS NOT NULL))::VARCHAR
    UNION ALL SELECT 11, 'multi_line_rows', (SELECT sum(copies) FROM shape_row WHERE multi_line)::VARCHAR
    UNION ALL SELECT 12, 'records', (SELECT count(*) FROM latest)::VARCHAR
    UNION ALL SELECT 13, 'cases', (SELECT count(*) FROM counted)::VARCHAR
) ORDER BY o;
