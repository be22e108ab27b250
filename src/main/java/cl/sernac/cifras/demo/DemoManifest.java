package cl.sernac.cifras.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link DemoDataGenerator} wrote into a directory and what a correct count of it by
 * the rules of SPEC.md gives (for a run dated any day from 2017 up to 2030).
 *
 * @param seed the seed the files were generated with
 * @param files every file written, in name order (the ingestion order)
 * @param dataRows data rows written per file: every row after the header that is not all
 * empty, rejected rows and repeated rows included
 * @param redelivered byte-identical copies of an export delivered again under another
 * name
 * @param unrecognizedFiles files that must not be ingested, with the reason
 * @param rejected rows a correct count rejects, by reason code, each distinct row once
 * (the re-delivered copies not read again)
 * @param rejectedIfCopiesRead the same when the re-delivered copies are read as well
 * @param warnings rows kept with a warning, by kind ({@code rut-check-digit},
 * {@code unknown-comuna}, {@code unknown-region}), each distinct row once
 * @param warningsIfCopiesRead the same when the re-delivered copies are read as well
 * @param expected counted records by type, subtype, channel and year (cells that count
 * zero are left out)
 * @param movilComunasVisited official names of the comunas the mobile unit's counted
 * records were taken in
 * @param municipalSources municipalities and provincial governments with counted records
 * @param exercised how many times each awkward case of the contract appears in the files
 */
public record DemoManifest(long seed, List<String> files, Map<String, Integer> dataRows, List<String> redelivered,
		Map<String, String> unrecognizedFiles, Map<String, Integer> rejected, Map<String, Integer> rejectedIfCopiesRead,
		Map<String, Integer> warnings, Map<String, Integer> warningsIfCopiesRead, List<ExpectedCount> expected,
		List<String> movilComunasVisited, List<String> municipalSources, Map<String, Integer> exercised) {

	/** Reject reason codes, in the order they are reported. */
	public static final List<String> REJECT_REASONS = List.of("missing-key", "bad-date", "unknown-type", "field-count",
			"date-out-of-range");

	/**
	 * One cell of the expected count.
	 *
	 * @param recordType {@code CONSULTA}, {@code RECLAMO} or {@code SONI}
	 * @param subtype the SONI subtype ({@code DISCONFORMIDAD}, {@code RECONOCIMIENTO},
	 * {@code SUGERENCIA}); empty for other types
	 * @param channel {@code CALL_CENTER}, {@code INTERNET}, {@code OFICINA},
	 * {@code MUNICIPAL}, {@code MOVIL} or {@code CONVENIO}
	 * @param year year of the intake date
	 * @param records counted records
	 */
	public record ExpectedCount(String recordType, String subtype, String channel, int year, int records) {
	}

	public DemoManifest {
		files = List.copyOf(files);
		dataRows = frozen(dataRows);
		redelivered = List.copyOf(redelivered);
		unrecognizedFiles = frozen(unrecognizedFiles);
		rejected = frozen(rejected);
		rejectedIfCopiesRead = frozen(rejectedIfCopiesRead);
		warnings = frozen(warnings);
		warningsIfCopiesRead = frozen(warningsIfCopiesRead);
		expected = List.copyOf(expected);
		movilComunasVisited = List.copyOf(movilComunasVisited);
		municipalSources = List.copyOf(municipalSources);
		exercised = frozen(exercised);
	}

	private static <K, V> Map<K, V> frozen(Map<K, V> map) {
		return Collections.unmodifiableMap(new LinkedHashMap<>(map));
	}

	/** Counted records of a type over every channel, subtype and year. */
	public int total(String recordType) {
		return sum(recordType, null, null, null);
	}

	/** Counted records of a type through a channel over every year. */
	public int total(String recordType, String channel) {
		return sum(recordType, null, channel, null);
	}

	/** Counted records of a type and subtype over every channel and year. */
	public int totalBySubtype(String recordType, String subtype) {
		return sum(recordType, subtype, null, null);
	}

	/** Counted records of one cell; 0 when the cell is not in {@link #expected()}. */
	public int count(String recordType, String subtype, String channel, int year) {
		return sum(recordType, subtype, channel, year);
	}

	private int sum(String recordType, String subtype, String channel, Integer year) {
		int sum = 0;
		for (ExpectedCount cell : this.expected) {
			if (cell.recordType().equals(recordType) && (subtype == null || cell.subtype().equals(subtype))
					&& (channel == null || cell.channel().equals(channel)) && (year == null || cell.year() == year)) {
				sum += cell.records();
			}
		}
		return sum;
	}

	/** Counted records in total. */
	public int totalRecords() {
		return this.expected.stream().mapToInt(ExpectedCount::records).sum();
	}

	/** Distinct rejected rows (re-delivered copies not read again). */
	public int rejectedTotal() {
		return this.rejected.values().stream().mapToInt(Integer::intValue).sum();
	}

	public int municipalities() {
		return (int) this.municipalSources.stream().filter((s) -> s.startsWith("Municipalidad")).count();
	}

	public int provincialGovernments() {
		return (int) this.municipalSources.stream().filter((s) -> s.startsWith("Gobernación")).count();
	}

	/** The manifest as JSON, with the cells named as in {@code samples-expected.json}. */
	public String toJson() {
		StringBuilder json = new StringBuilder("{\n");
		json.append(" \"seed\": ").append(this.seed).append(",\n");
		json.append(" \"records\": [\n");
		List<String> cells = new ArrayList<>();
		for (ExpectedCount cell : this.expected) {
			cells.add("  {\"record_type\": " + quote(cell.recordType()) + ", \"subtype\": " + quote(cell.subtype())
					+ ", \"channel\": " + quote(cell.channel()) + ", \"year\": " + cell.year() + ", \"records\": "
					+ cell.records() + "}");
		}
		json.append(String.join(",\n", cells)).append("\n ],\n");
		json.append(" \"records_total\": ").append(totalRecords()).append(",\n");
		json.append(" \"rejected\": ").append(object(this.rejected)).append(",\n");
		json.append(" \"rejected_total\": ").append(rejectedTotal()).append(",\n");
		json.append(" \"rejected_if_copies_read\": ").append(object(this.rejectedIfCopiesRead)).append(",\n");
		json.append(" \"warnings\": ").append(object(this.warnings)).append(",\n");
		json.append(" \"warnings_if_copies_read\": ").append(object(this.warningsIfCopiesRead)).append(",\n");
		json.append(" \"unrecognized_files\": ").append(object(this.unrecognizedFiles)).append(",\n");
		json.append(" \"redelivered\": ").append(array(this.redelivered)).append(",\n");
		json.append(" \"movil_comunas_visited\": ").append(this.movilComunasVisited.size()).append(",\n");
		json.append(" \"municipios\": ").append(this.municipalSources.size()).append(",\n");
		json.append(" \"municipal_sources\": ").append(array(this.municipalSources)).append(",\n");
		json.append(" \"exercised\": ").append(object(this.exercised)).append(",\n");
		json.append(" \"files\": ").append(this.files.size()).append(",\n");
		json.append(" \"data_rows\": ").append(object(this.dataRows)).append("\n}\n");
		return json.toString();
	}

	private static String object(Map<String, ?> map) {
		List<String> entries = new ArrayList<>();
		map.forEach((key, value) -> entries
			.add(quote(key) + ": " + ((value instanceof Number) ? value.toString() : quote(value.toString()))));
		return "{" + String.join(", ", entries) + "}";
	}

	private static String array(List<String> values) {
		return "[" + String.join(", ", values.stream().map(DemoManifest::quote).toList()) + "]";
	}

	/** A JSON string. */
	static String quote(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				case '\r' -> quoted.append("\\r");
				case '\t' -> quoted.append("\\t");
				default -> {
					if (c < 0x20) {
						quoted.append(String.format("\\u%04x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

}
