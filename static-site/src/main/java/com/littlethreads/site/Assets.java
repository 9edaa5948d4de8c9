package com.littlethreads.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copies the stylesheet, scripts and icon into {@code assets/} under names that carry a
 * hash of their content, so a CDN and browsers can keep them forever: a changed file gets
 * a new name. Scripts are ES modules importing each other by relative name; those imports
 * are rewritten to the fingerprinted names before the importer is hashed, so a change in
 * a module changes the names of everything that imports it.
 */
final class Assets {

	/** Every asset, dependencies before the modules that import them. */
	static final List<String> SOURCES = List.of("site.css", "icon.svg", "api.js", "ui.js", "cart.js", "auth.js",
			"site.js", "product.js", "search.js", "cart-page.js", "sign-in.js", "account.js", "checkout-result.js");

	private static final Pattern IMPORT = Pattern.compile("(from\\s+|import\\s*\\(\\s*)'\\./([\\w-]+\\.js)'");

	private static final Pattern FINGERPRINTED = Pattern.compile("(.+)\\.([0-9a-f]{10})\\.(\\w+)");

	private Assets() {
	}

	/**
	 * Writes every asset into {@code output/assets}.
	 * @param output the site's root
	 * @return each source name mapped to its public path, such as
	 * {@code /assets/site.0123456789.css}
	 */
	static Map<String, String> write(Path output) {
		Map<String, String> names = new LinkedHashMap<>();
		Path directory = output.resolve("assets");
		try {
			Files.createDirectories(directory);
			for (String source : SOURCES) {
				String content = read(source);
				if (source.endsWith(".js")) {
					content = rewriteImports(source, content, names);
				}
				byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
				String name = fingerprinted(source, bytes);
				Files.write(directory.resolve(name), bytes);
				names.put(source, name);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Map<String, String> paths = new LinkedHashMap<>();
		names.forEach((source, name) -> paths.put(source, "/assets/" + name));
		return paths;
	}

	static String fingerprinted(String source, byte[] content) {
		int dot = source.lastIndexOf('.');
		return source.substring(0, dot) + "." + hash(content) + source.substring(dot);
	}

	/**
	 * The content hash a fingerprinted file name carries.
	 * @param content the file's bytes
	 * @return ten hex digits of its SHA-256
	 */
	static String hash(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 10);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Whether a file name is a fingerprinted one ({@code name.<10 hex>.ext}).
	 * @param fileName the name
	 * @return the matcher, whose group 2 is the hash
	 */
	static Matcher fingerprint(String fileName) {
		return FINGERPRINTED.matcher(fileName);
	}

	private static String rewriteImports(String source, String content, Map<String, String> names) {
		Matcher imports = IMPORT.matcher(content);
		StringBuilder rewritten = new StringBuilder();
		while (imports.find()) {
			String target = names.get(imports.group(2));
			if (target == null) {
				throw new IllegalStateException(
						source + " imports " + imports.group(2) + ", which is not listed before it in Assets.SOURCES");
			}
			imports.appendReplacement(rewritten, Matcher.quoteReplacement(imports.group(1) + "'./" + target + "'"));
		}
		imports.appendTail(rewritten);
		return rewritten.toString();
	}

	private static String read(String source) throws IOException {
		try (InputStream in = Assets.class.getResourceAsStream("/assets/" + source)) {
			if (in == null) {
				throw new IllegalStateException("Missing asset " + source);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
