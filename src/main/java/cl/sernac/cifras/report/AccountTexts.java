package cl.sernac.cifras.report;

import cl.sernac.cifras.support.Text;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account's sections of prose, written by the office as Markdown, one file per
 * section in a folder ({@code cifras.account.texts}): {@code innovacion.md},
 * {@code desafios.md} (the challenges that are not figures) and
 * {@code dialogo-participativo.md} (the questions of the participatory dialogue). Each is
 * rendered to HTML with CommonMark; raw HTML in a text is shown as text, never as markup,
 * and links may not run code. A missing text leaves its section out.
 */
final class AccountTexts {

	private static final Logger logger = LoggerFactory.getLogger(AccountTexts.class);

	/** The sections of prose, by file name without {@code .md}, with their headings. */
	static final Map<String, String> SECTIONS;

	static {
		Map<String, String> sections = new LinkedHashMap<>();
		sections.put("innovacion", "Innovación");
		sections.put("desafios", "Desafíos que no son cifras");
		sections.put("dialogo-participativo", "Preguntas del diálogo participativo");
		SECTIONS = java.util.Collections.unmodifiableMap(sections);
	}

	/** A text larger than this is not a section of a report: it is left out. */
	static final long MAX_BYTES = 256 * 1024;

	private static final Parser PARSER = Parser.builder().build();

	private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

	private AccountTexts() {
	}

	/** Reads the texts of the folder; none when it does not exist. */
	static Texts read(Path folder) {
		Map<String, Text> texts = new LinkedHashMap<>();
		for (Map.Entry<String, String> section : SECTIONS.entrySet()) {
			Path file = folder.resolve(section.getKey() + ".md");
			if (!Files.isRegularFile(file)) {
				continue;
			}
			try {
				if (Files.size(file) > MAX_BYTES) {
					logger.warn("El texto {} tiene más de {} KB y no se incluye en el informe", file.getFileName(),
							MAX_BYTES / 1024);
					continue;
				}
				String markdown = StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
					.toString();
				String html = render(markdown);
				if (!html.isBlank()) {
					texts.put(section.getKey(), new Text("cuenta-texto-" + section.getKey(), section.getValue(), html));
				}
			}
			catch (CharacterCodingException ex) {
				logger.warn("El texto {} no está en UTF-8 y no se incluye en el informe", file.getFileName());
			}
			catch (IOException ex) {
				logger.warn("El texto {} no se pudo leer y no se incluye en el informe: {}", file.getFileName(),
						ex.getMessage());
			}
		}
		return new Texts(texts);
	}

	/** Markdown as HTML: raw HTML escaped, unsafe links neutralized. */
	static String render(String markdown) {
		Node document = PARSER.parse(markdown.replace("\uFEFF", ""));
		return RENDERER.render(document);
	}

	/**
	 * A section of prose.
	 *
	 * @param id the element's id, prefixed {@code cuenta-texto-}
	 * @param title its heading
	 * @param html its text as HTML, safe to insert
	 */
	record Text(String id, String title, String html) {
	}

	/** The texts found, by section. */
	record Texts(Map<String, Text> bySection) {

		static Texts none() {
			return new Texts(Map.of());
		}

		Text text(String section) {
			return this.bySection.get(section);
		}

		String html(String section) {
			Text text = this.bySection.get(section);
			return (text != null) ? text.html() : null;
		}

		List<Text> all() {
			return List.copyOf(this.bySection.values());
		}

	}

}
