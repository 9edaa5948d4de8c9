package com.littlethreads.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The site built from the real seed: one page of every type passes the Nu HTML checker
 * (run in-process, offline), and a product page stays light.
 */
class HtmlValidityTests {

	private static final Pattern MODULE_IMPORT = Pattern.compile("from '\\./([^']+)'");

	private static final Pattern SCRIPT_OR_STYLE = Pattern
		.compile("<(?:script type=\"module\" src|link rel=\"stylesheet\" href)=\"/assets/([^\"]+)\"");

	@TempDir
	static Path output;

	static GeneratedSite site;

	@BeforeAll
	static void generate() {
		site = GeneratedSite.generate(GeneratedSite.realSeed(), output);
	}

	@ParameterizedTest
	@ValueSource(strings = { "index.html", "category/tops/index.html", "category/tops/page/2/index.html",
			"products/rainbow-stripe-tee/index.html", "search/index.html", "cart/index.html",
			"account/sign-in/index.html", "account/index.html", "checkout/success/index.html",
			"checkout/cancel/index.html", "404.html" })
	void everyPageTypeIsValidHtml(String page) throws Exception {
		List<String> errors = new ArrayList<>();
		ErrorHandler collector = new ErrorHandler() {

			@Override
			public void warning(SAXParseException ex) {
			}

			@Override
			public void error(SAXParseException ex) {
				errors.add(ex.getLineNumber() + ":" + ex.getColumnNumber() + " " + ex.getMessage());
			}

			@Override
			public void fatalError(SAXParseException ex) {
				error(ex);
			}

		};
		SimpleDocumentValidator validator = new SimpleDocumentValidator(true, false, false);
		validator.setUpMainSchema("http://s.validator.nu/html5-rdfalite.rnc", collector);
		validator.setUpValidatorAndParsers(collector, true, false);

		validator.checkHtmlFile(output.resolve(page).toFile(), true);

		assertThat(errors).as(page).isEmpty();
	}

	@Test
	void productPageWeighsAtMost30KilobytesGzipped() throws IOException {
		String page = site.read("products/rainbow-stripe-tee/index.html");
		List<String> assets = new ArrayList<>();
		Matcher linked = SCRIPT_OR_STYLE.matcher(page);
		while (linked.find()) {
			collect(linked.group(1), assets);
		}
		long total = sent(output.resolve("products/rainbow-stripe-tee/index.html"));
		for (String asset : assets) {
			total += sent(output.resolve("assets").resolve(asset));
		}

		assertThat(assets).as("the stylesheet and every module the page loads")
			.anyMatch((name) -> name.startsWith("site.") && name.endsWith(".css"))
			.anyMatch((name) -> name.startsWith("product."))
			.anyMatch((name) -> name.startsWith("api."))
			.anyMatch((name) -> name.startsWith("cart."));
		assertThat(total).as("HTML + CSS + JS, gzip, in bytes").isLessThanOrEqualTo(30 * 1024);
	}

	private void collect(String asset, List<String> assets) throws IOException {
		if (assets.contains(asset)) {
			return;
		}
		assets.add(asset);
		if (asset.endsWith(".js")) {
			Matcher imports = MODULE_IMPORT.matcher(Files.readString(output.resolve("assets").resolve(asset)));
			while (imports.find()) {
				collect(imports.group(1), assets);
			}
		}
	}

	/** What a browser that accepts gzip is sent: the build's copy, or the file itself. */
	private static long sent(Path file) throws IOException {
		Path gzipped = file.resolveSibling(file.getFileName() + ".gz");
		return Files.size(Files.exists(gzipped) ? gzipped : file);
	}

}
