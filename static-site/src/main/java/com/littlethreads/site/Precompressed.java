package com.littlethreads.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;

/**
 * Compressed copies of the site's text files, written next to each ({@code x.html.gz},
 * {@code x.html.br}) so that a server sends them as they are instead of compressing on
 * every request: the gateway through Spring's {@code EncodedResourceResolver}, nginx with
 * {@code gzip_static}. Written once per build, so the slowest, smallest settings are
 * worth it.
 */
final class Precompressed {

	static final Set<String> TEXT = Set.of("html", "css", "js", "json", "svg", "xml", "txt", "webmanifest");

	/** Below this, a coding's own framing and the Vary cost about what it saves. */
	static final long MIN_SIZE = 1024;

	private static final Encoder.Parameters BROTLI = new Encoder.Parameters().setQuality(11).setMode(Encoder.Mode.TEXT);

	private Precompressed() {
	}

	/** A copy of every text file of {@link #MIN_SIZE} or more, unless no smaller. */
	static void write(Path site) throws IOException {
		// brotli4j carries Google's encoder for the common platforms; elsewhere gzip
		// alone.
		boolean brotli = Brotli4jLoader.isAvailable();
		if (!brotli) {
			System.out.println("No .br copies: " + Brotli4jLoader.getUnavailabilityCause());
		}
		try (Stream<Path> walk = Files.walk(site)) {
			for (Path file : walk.filter(Precompressed::compressible).toList()) {
				byte[] content = Files.readAllBytes(file);
				writeIfSmaller(file, ".gz", gzip(content), content.length);
				if (brotli) {
					writeIfSmaller(file, ".br", Encoder.compress(content, BROTLI), content.length);
				}
			}
		}
	}

	private static boolean compressible(Path file) {
		String name = file.getFileName().toString();
		String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
		return TEXT.contains(extension) && Files.isRegularFile(file) && file.toFile().length() >= MIN_SIZE;
	}

	private static void writeIfSmaller(Path file, String extension, byte[] copy, int size) throws IOException {
		if (copy.length < size) {
			Files.write(file.resolveSibling(file.getFileName() + extension), copy);
		}
	}

	private static byte[] gzip(byte[] content) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(content.length / 3 + 64);
		try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
			{
				this.def.setLevel(Deflater.BEST_COMPRESSION);
			}
		}) {
			gzip.write(content);
		}
		return out.toByteArray();
	}

}
