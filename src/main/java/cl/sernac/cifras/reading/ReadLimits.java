package cl.sernac.cifras.reading;

/**
 * Bounds that keep a malformed file from exhausting memory.
 *
 * @param maxLineChars a longer physical line is rejected
 * @param maxRecordLines a quoted field spanning more lines is rejected as an unbalanced
 * quote
 */
public record ReadLimits(int maxLineChars, int maxRecordLines) {
}
