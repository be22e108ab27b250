package cl.sernac.cifras.reading;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Profiles that find their header below other lines, read a column under several names,
 * and give a role a constant or a default.
 */
class HeaderFindingTests {

	private static final String PROFILE = """
			file-pattern: "x_*.csv"
			channel: INTERNET
			key-columns: [Complaint ID]
			columns:
			  date: [Date received, Received on]
			  type: Issue
			  comuna: Comuna
			date-formats: ["M/d/yy"]
			type-values:
			  RECLAMO: [complaint]
			""";

	@TempDir
	Path temp;

	@Test
	void namesMatchIgnoringCaseAccentsSpacesUnderscoresAndHyphens() {
		// given one name in several spellings
		List<String> spellings = List.of("Date received", "date_received", "DATE-RECEIVED", " Date  Received ",
				"\uFEFFdaté_recEIVED");

		// when
		List<String> keys = spellings.stream().map(ExportHeader::nameKey).toList();

		// then
		assertThat(keys).containsOnly("DATERECEIVED");
		assertThat(ExportHeader.nameKey("Región")).isEqualTo(ExportHeader.nameKey("region"));
		assertThat(ExportHeader.nameKey("Date received")).isNotEqualTo(ExportHeader.nameKey("Date"));
	}

	@Test
	void aRoleIsReadUnderAnyOfItsNamesTheFirstFoundWinning() {
		// given a profile whose date column has two names, and headers of two editions
		SourceProfile profile = profile("");

		// when
		ExportHeader old = new ExportHeader(profile,
				new String[] { "complaint_id", "date_received", "issue", "comuna", "received_on" });
		ExportHeader renamed = new ExportHeader(profile,
				new String[] { "Received On", "Complaint-ID", "ISSUE", "Comuna" });
		ExportRow row = old
			.project(new CsvRecord(4, new String[] { "1", "1/2/23", "complaint", "Lota", "9/9/23" }, null));

		// then
		assertThat(old.missingColumns()).isEmpty();
		assertThat(row.date()).isEqualTo("1/2/23");
		assertThat(renamed.missingColumns()).isEmpty();
		assertThat(renamed.project(new CsvRecord(5, new String[] { "2/3/24", "2", "complaint", "" }, null)).date())
			.isEqualTo("2/3/24");
		assertThat(new ExportHeader(profile, new String[] { "Complaint ID", "Issue", "Comuna" }).missingColumns())
			.containsExactly("Date received");
	}

	@Test
	void aConstantReplacesAColumnAndADefaultFillsAMissingOne() {
		// given a fixed type and a default comuna
		SourceProfile profile = profile("""
				constants:
				  type: RECLAMO
				defaults:
				  comuna: Santiago
				""");

		// when
		ExportHeader withoutComuna = new ExportHeader(profile, new String[] { "Complaint ID", "Date received" });
		ExportHeader withComuna = new ExportHeader(profile,
				new String[] { "Complaint ID", "Date received", "Issue", "Comuna" });
		ExportRow defaulted = withoutComuna.project(new CsvRecord(2, new String[] { "1", "1/2/23" }, null));
		ExportRow read = withComuna.project(new CsvRecord(2, new String[] { "1", "1/2/23", "consulta", "Lota" }, null));

		// then the type column is neither required nor read; the comuna is read when
		// there
		assertThat(profile.requiredColumns()).containsExactly("Complaint ID", "Date received");
		assertThat(withoutComuna.missingColumns()).isEmpty();
		assertThat(defaulted.type()).isEqualTo("RECLAMO");
		assertThat(defaulted.comuna()).isEqualTo("Santiago");
		assertThat(read.type()).isEqualTo("RECLAMO");
		assertThat(read.comuna()).isEqualTo("Lota");
	}

	@Test
	void theHeaderIsFoundOnItsLineAndDataRowsKeepTheirLineNumbers() throws Exception {
		// given a header on line 3, after a title and a blank line
		SourceProfile profile = profile("header-line: 3\n");
		Path file = write("""
				Complaints
				,,
				Complaint ID,Date received,Issue,Narrative,Comuna
				1,1/2/23,complaint,"two
				lines",Lota
				2,1/3/23,complaint,short,Lota
				""");

		// when
		ExportFileItemReader reader = new ExportFileItemReader("reader", file, profile, DefaultSourceProfiles.LIMITS);
		reader.open(new org.springframework.batch.infrastructure.item.ExecutionContext());
		ExportRow first = reader.read();
		ExportRow second = reader.read();
		ExportRow end = reader.read();
		reader.close();

		// then
		assertThat(ExportFileItemReader.findHeader(file, profile, DefaultSourceProfiles.LIMITS).header().line())
			.isEqualTo(3);
		assertThat(ExportFileItemReader.readHeader(file, profile, DefaultSourceProfiles.LIMITS).line()).isEqualTo(3);
		assertThat(first.line()).isEqualTo(4);
		assertThat(first.keyParts()).containsExactly("1");
		assertThat(second.line()).isEqualTo(6);
		assertThat(end).isNull();
	}

	@Test
	void aHeaderNotOnItsLineIsReportedWithTheLineAndTheExpectedColumns() throws Exception {
		// given a header on line 2 where the profile expects it on line 1
		SourceProfile profile = profile("header-line: 1\n");
		Path file = write("""
				Complaints
				Complaint ID,Date received,Issue,Comuna
				""");

		// when
		ExportHeader.Found found = ExportFileItemReader.findHeader(file, profile, DefaultSourceProfiles.LIMITS);

		// then
		assertThat(found.header()).isNull();
		assertThat(found.problem())
			.isEqualTo("No se encontró el encabezado en la línea 1: faltan columnas obligatorias:"
					+ " Complaint ID, Date received, Issue, Comuna. Columnas esperadas: Complaint ID,"
					+ " Date received (o Received on), Issue, Comuna");
	}

	@Test
	void theHeaderIsSearchedForInTheFirstLines() throws Exception {
		// given a header on line 4 and a search over the first 5 lines, then over 3
		Path file = write("""
				Complaints export
				Generated,2024-01-05

				Complaint ID,Received on,Issue
				1,1/2/23,complaint
				""");

		// when
		ExportHeader.Found tooShort = ExportFileItemReader.findHeader(file,
				profile("header-search-lines: 3\ndefaults:\n  comuna: \"\"\n"), DefaultSourceProfiles.LIMITS);
		ExportHeader.Found withoutComuna = ExportFileItemReader.findHeader(file, profile("header-search-lines: 5\n"),
				DefaultSourceProfiles.LIMITS);

		// then the header needs every required column: without a default the comuna is
		// one
		assertThat(withoutComuna.header()).isNull();
		assertThat(withoutComuna.problem()).isEqualTo("No se encontró el encabezado en las primeras 5 líneas: la más"
				+ " parecida es la línea 4, a la que le faltan columnas obligatorias: Comuna. Columnas esperadas:"
				+ " Complaint ID, Date received (o Received on), Issue, Comuna");
		assertThat(tooShort.header()).isNull();
		assertThat(tooShort.problem())
			.startsWith("No se encontró el encabezado en las primeras 3 líneas: la más" + " parecida es la línea 1,");
		ExportHeader.Found withDefault = ExportFileItemReader.findHeader(file,
				profile("header-search-lines: 5\ndefaults:\n  comuna: \"\"\n"), DefaultSourceProfiles.LIMITS);
		assertThat(withDefault.header().line()).isEqualTo(4);
		assertThat(withDefault.header().missingColumns()).isEmpty();
	}

	@Test
	void theChannelColumnTakesSeveralNamesToo() {
		// given a channel read from a column under two names, and a fixed one
		SourceProfile read = profile("columns.channel: [Submitted via, Via]\n");
		SourceProfile fixed = profile("columns.channel: Via\nconstants:\n  channel: OFICINA\n");

		// when
		ExportHeader header = new ExportHeader(read,
				new String[] { "Complaint ID", "Date received", "Issue", "Comuna", "VIA" });
		ExportRow row = header
			.project(new CsvRecord(2, new String[] { "1", "1/2/23", "complaint", "Lota", "Phone" }, null));

		// then
		assertThat(read.readsChannel()).isTrue();
		assertThat(read.requiredColumns()).containsExactly("Complaint ID", "Date received", "Issue", "Comuna",
				"Submitted via");
		assertThat(row.channel()).isEqualTo("Phone");
		assertThat(fixed.readsChannel()).isFalse();
		assertThat(fixed.channel()).isEqualTo("OFICINA");
		assertThat(fixed.requiredColumns()).doesNotContain("Via");
	}

	@Test
	void anEmptyTypeColumnStillMeansNoColumn() {
		// given the older way to fix a type: an empty column name whose empty value is
		// the type
		SourceProfile profile = profile("columns.type: \"\"\ntype-values.CONSULTA: [\"\"]\n");

		// when
		new SourceCatalog(java.util.Map.of("x", profile));
		ExportHeader header = new ExportHeader(profile, new String[] { "Complaint ID", "Date received", "Comuna" });

		// then
		assertThat(header.missingColumns()).isEmpty();
		assertThat(header.project(new CsvRecord(2, new String[] { "1", "1/2/23", "Lota" }, null)).type()).isNull();
	}

	@Test
	void headerLineAndHeaderSearchExcludeEachOther() {
		// given a profile with both
		SourceProfile profile = profile("header-line: 2\nheader-search-lines: 5\n");

		// when / then
		assertThatIllegalStateException().isThrownBy(() -> new SourceCatalog(java.util.Map.of("x", profile)))
			.withMessageContaining("header-line and header-search-lines exclude each other");
	}

	@Test
	void profilesShareAKeySpaceByName() {
		// given a profile with records and one without
		SourceCatalog catalog = new SourceCatalog(
				java.util.Map.of("cfpb", profile(""), "cfpb-snake", profile("records: cfpb\n")));

		// when / then
		assertThat(catalog.get("cfpb").keySpace()).isEqualTo("cfpb");
		assertThat(catalog.get("cfpb-snake").keySpace()).isEqualTo("cfpb");
	}

	private Path write(String content) throws Exception {
		return Files.writeString(this.temp.resolve("x_1.csv"), content, StandardCharsets.UTF_8);
	}

	/**
	 * The test profile, bound from YAML as the application binds it, with extra lines.
	 */
	private static SourceProfile profile(String extra) {
		try {
			String yaml = "p:\n" + (PROFILE + extra).indent(2);
			List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("test",
					new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)));
			return new Binder(ConfigurationPropertySources.from(sources)).bind("p", SourceProfile.class).get();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
