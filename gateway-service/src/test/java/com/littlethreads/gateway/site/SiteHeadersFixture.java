package com.littlethreads.gateway.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A test site's {@code _headers}, with the {@code /*} block static-site writes: built
 * from static-site's own {@code security-headers}, so these tests check the headers the
 * real storefront gets, not a copy.
 */
final class SiteHeadersFixture {

	static final Path SOURCE = Path.of("../static-site/src/main/resources/security-headers");

	private SiteHeadersFixture() {
	}

	static void write(Path site) {
		StringBuilder headers = new StringBuilder("# as static-site writes it\n/*\n");
		for (String line : securityHeaders()) {
			headers.append("  ").append(line).append('\n');
		}
		headers.append("/index.html\n  Cache-Control: public, max-age=0, must-revalidate\n");
		try {
			Files.createDirectories(site);
			Files.writeString(site.resolve(SiteHeaders.FILE), headers.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String value(String name) {
		return securityHeaders().stream()
			.filter((line) -> line.startsWith(name + ":"))
			.map((line) -> line.substring(name.length() + 1).strip())
			.findFirst()
			.orElseThrow();
	}

	private static List<String> securityHeaders() {
		try {
			return Files.readAllLines(SOURCE)
				.stream()
				.map(String::strip)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
