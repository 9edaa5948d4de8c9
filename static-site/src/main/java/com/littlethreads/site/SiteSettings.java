package com.littlethreads.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What one build of the site is made from and for.
 *
 * @param catalogUrl a running catalog API (gateway or catalog-service) to read products
 * from, or {@code null} to read the seed file
 * @param seed the seed catalog-service loads, read when no catalog URL is given
 * @param drawingsVersion the version catalog-service's drawn images carry in their URLs
 * (its {@code images/drawings.version}), for the seeded products' images; empty, their
 * URLs carry none
 * @param apiBase the gateway URL the pages call the API at, or empty for the same origin
 * @param publicUrl the site's public address, for canonical URLs and the sitemap
 * @param gatewayUrl the gateway a static host's {@code /api/*} proxy rule forwards to
 * @param output the directory the site is written to (emptied first)
 */
public record SiteSettings(URI catalogUrl, Path seed, String drawingsVersion, String apiBase, String publicUrl,
		String gatewayUrl, Path output) {

	public SiteSettings {
		drawingsVersion = (drawingsVersion != null) ? drawingsVersion.strip() : "";
		apiBase = stripTrailingSlash(apiBase);
		publicUrl = stripTrailingSlash(publicUrl);
		gatewayUrl = stripTrailingSlash(gatewayUrl);
		if (publicUrl.isEmpty()) {
			throw new IllegalArgumentException("The public URL must be given (site.publicUrl)");
		}
	}

	/**
	 * Reads {@code --name=value} arguments; the catalog URL may also come from the
	 * {@code SITE_CATALOG_URL} environment variable. {@code --drawings} names the file
	 * that holds the drawings' version.
	 * @param args the arguments
	 * @param environment the environment, such as {@code System::getenv}
	 * @return the settings
	 */
	public static SiteSettings fromArguments(String[] args, UnaryOperator<String> environment) {
		Map<String, String> values = new HashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--") || !arg.contains("=")) {
				throw new IllegalArgumentException("Expected --name=value, got " + arg);
			}
			values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1).strip());
		}
		String catalogUrl = values.getOrDefault("catalog-url", "");
		if (catalogUrl.isEmpty() && environment.apply("SITE_CATALOG_URL") != null) {
			catalogUrl = environment.apply("SITE_CATALOG_URL").strip();
		}
		String drawings = values.getOrDefault("drawings", "");
		return new SiteSettings(catalogUrl.isEmpty() ? null : URI.create(stripTrailingSlash(catalogUrl)),
				Path.of(required(values, "seed")), drawings.isEmpty() ? "" : read(Path.of(drawings)),
				values.getOrDefault("api-base", ""), values.getOrDefault("public-url", "http://localhost:8080"),
				values.getOrDefault("gateway-url", "http://localhost:8080"), Path.of(required(values, "output")));
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the drawings' version from " + file, ex);
		}
	}

	private static String required(Map<String, String> values, String name) {
		String value = values.get(name);
		if (value == null || value.isEmpty()) {
			throw new IllegalArgumentException("--" + name + " is required");
		}
		return value;
	}

	private static String stripTrailingSlash(String value) {
		String stripped = (value != null) ? value.strip() : "";
		while (stripped.endsWith("/")) {
			stripped = stripped.substring(0, stripped.length() - 1);
		}
		return stripped;
	}

}
