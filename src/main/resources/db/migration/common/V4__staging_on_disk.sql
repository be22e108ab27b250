-- Rows read and not yet applied are staged in files under the data folder (one per admitted
-- file), and rule 2 is settled by the merge itself: neither table is used any more.
DROP TABLE staged_row;
DROP TABLE affected_folio;
