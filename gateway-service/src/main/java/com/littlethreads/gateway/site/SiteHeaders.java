package com.littlethreads.gateway.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The headers every storefront page must carry, as the storefront's own build wrote them:
 * the {@code /*} rule of the Netlify-style {@code _headers} file in the site directory
 * (Content-Security-Policy, Permissions-Policy and the like).
 * <p>
 * Read from the site rather than configured here so that there is one copy: the policy
 * describes the pages (which scripts, styles and connections they use), so it lives with
 * them, and a static host and the gateway serve the same one. A site directory without a
 * Content-Security-Policy there is refused at startup: serving the shop without one would
 * be a silent regression.
 */
final class SiteHeaders {

	static final String FILE = "_headers";

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9-]+");

	private static final Pattern VALUE = Pattern.compile("[\\x20-\\x7E]+");

	private SiteHeaders() {
	}

	/**
	 * The {@code /*} headers of the site's {@code _headers}.
	 * @param site the site directory
	 * @return the headers, by name, in file order
	 * @throws IllegalStateException when the file is missing, malformed, or names no
	 * Content-Security-Policy for every page
	 */
	static Map<String, String> everyPage(Path site) {
		Path file = site.resolve(FILE);
		String content;
		try {
			content = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The site directory has no readable " + FILE + " (" + file
					+ "): was it built by static-site (./mvnw -pl static-site -am package)?", ex);
		}
		Map<String, String> headers = new LinkedHashMap<>();
		boolean everyPage = false;
		for (String line : content.lines().toList()) {
			String stripped = line.strip();
			if (stripped.isEmpty() || stripped.startsWith("#")) {
				continue;
			}
			if (!Character.isWhitespace(line.charAt(0))) {
				everyPage = stripped.equals("/*");
				continue;
			}
			if (everyPage) {
				int colon = stripped.indexOf(':');
				String name = (colon > 0) ? stripped.substring(0, colon).strip() : "";
				String value = (colon > 0) ? stripped.substring(colon + 1).strip() : "";
				if (!NAME.matcher(name).matches() || !VALUE.matcher(value).matches()) {
					throw new IllegalStateException(file + ": '" + stripped + "' is not a 'Name: value' header line");
				}
				headers.put(name, value);
			}
		}
		if (headers.keySet().stream().noneMatch("Content-Security-Policy"::equalsIgnoreCase)) {
			throw new IllegalStateException(file + " sets no Content-Security-Policy for /*: was the site built by "
					+ "static-site (./mvnw -pl static-site -am package)?");
		}
		return headers;
	}

}
