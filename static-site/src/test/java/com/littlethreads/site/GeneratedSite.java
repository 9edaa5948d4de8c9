package com.littlethreads.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A site the generator wrote, with the reading helpers tests share.
 *
 * @param root the output directory
 */
record GeneratedSite(Path root) {

	static final String PUBLIC_URL = "https://shop.example";

	/**
	 * The drawings' version the tests build with (catalog-service's is a hash like it).
	 */
	static final String DRAWINGS = "0123456789";

	private static final Pattern LINK = Pattern.compile("(?:href|src)=\"([^\"]*)\"");

	static Path fixtureSeed() {
		try {
			return Path.of(GeneratedSite.class.getResource("/fixture-catalog.json").toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Path realSeed() {
		return Path.of("../catalog-service/src/main/resources/seed/products.json");
	}

	static GeneratedSite generate(Path seed, Path output) {
		SiteSettings settings = new SiteSettings(null, seed, DRAWINGS, "", PUBLIC_URL, "https://gateway.example",
				output);
		new SiteGenerator(settings).generate(Catalog.fromSeed(seed, DRAWINGS));
		return new GeneratedSite(output);
	}

	String read(String file) {
		try {
			return Files.readString(this.root.resolve(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	List<Path> htmlFiles() {
		try (Stream<Path> files = Files.walk(this.root)) {
			return files.filter((file) -> file.toString().endsWith(".html")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The URL path a page is served at: {@code products/x/index.html} is /products/x/.
	 */
	String urlPath(Path file) {
		String relative = this.root.relativize(file).toString().replace('\\', '/');
		return "/" + (relative.endsWith("index.html") ? relative.substring(0, relative.length() - "index.html".length())
				: relative);
	}

	/** The file a root-relative URL path names, as a static host resolves it. */
	Path fileFor(String urlPath) {
		String path = urlPath.replaceAll("[?#].*$", "");
		return this.root.resolve(path.substring(1) + (path.endsWith("/") ? "index.html" : ""));
	}

	static List<String> links(String html) {
		List<String> links = new ArrayList<>();
		Matcher matcher = LINK.matcher(html);
		while (matcher.find()) {
			links.add(matcher.group(1).replace("&amp;", "&"));
		}
		return links;
	}

}
