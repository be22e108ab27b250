package cl.sernac.cifras.normalize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reader for the small comma-separated reference files bundled on the classpath (UTF-8,
 * header row, one record per line). Fields may be quoted RFC 4180 style so that a future
 * edit adding a comma to a note does not break loading; quoted line breaks are not
 * supported, the reference files have none.
 */
final class ReferenceCsv {

	private ReferenceCsv() {
	}

	/**
	 * Read a classpath resource into rows keyed by header name.
	 * @param resource the resource path, relative to the classpath root
	 * @param requiredColumns the columns that must be present in the header
	 * @return the non-empty data rows, in file order
	 */
	static List<Map<String, String>> read(String resource, String... requiredColumns) {
		try (InputStream in = ReferenceCsv.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Reference resource not found on classpath: " + resource);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			List<String> header = null;
			List<Map<String, String>> rows = new ArrayList<>();
			int lineNumber = 0;
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				lineNumber++;
				if (lineNumber == 1 && line.startsWith("\uFEFF")) {
					line = line.substring(1);
				}
				if (line.isBlank()) {
					continue;
				}
				List<String> fields = split(line);
				if (header == null) {
					header = fields.stream().map(String::strip).toList();
					checkHeader(resource, header, requiredColumns);
					continue;
				}
				if (fields.size() != header.size()) {
					throw new IllegalStateException("%s line %d: expected %d fields, found %d".formatted(resource,
							lineNumber, header.size(), fields.size()));
				}
				Map<String, String> row = new HashMap<>();
				for (int i = 0; i < header.size(); i++) {
					row.put(header.get(i), fields.get(i).strip());
				}
				rows.add(row);
			}
			if (header == null) {
				throw new IllegalStateException("Reference resource is empty: " + resource);
			}
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read reference resource " + resource, ex);
		}
	}

	/**
	 * Split one line on commas, honouring double quotes ({@code ""} inside a quoted field
	 * is a literal quote).
	 */
	static List<String> split(String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c != '"') {
					field.append(c);
				}
				else if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else {
					quoted = false;
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		if (quoted) {
			throw new IllegalStateException("Unbalanced quote in reference line: " + line);
		}
		fields.add(field.toString());
		return fields;
	}

	private static void checkHeader(String resource, List<String> header, String... requiredColumns) {
		for (String column : requiredColumns) {
			if (!header.contains(column)) {
				throw new IllegalStateException(resource + ": missing column " + column + " in header " + header);
			}
		}
	}

}
