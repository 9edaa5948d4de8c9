package com.littlethreads.site;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import com.aayushatharva.brotli4j.decoder.Decoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PrecompressedTests {

	@Test
	void everyPageAssetAndSitemapHasGzipAndBrotliCopiesThatDecodeToIt(@TempDir Path output) throws IOException {
		GeneratedSite.generate(GeneratedSite.fixtureSeed(), output);
		List<Path> text;
		try (Stream<Path> files = Files.walk(output)) {
			text = files.filter((file) -> file.toString().matches(".*\\.(html|css|js|svg|xml)")).toList();
		}
		assertThat(text).hasSizeGreaterThan(20);
		for (Path file : text) {
			byte[] content = Files.readAllBytes(file);
			if (content.length < Precompressed.MIN_SIZE) {
				continue;
			}
			assertThat(gunzip(Files.readAllBytes(copy(file, ".gz")))).as(file.toString()).isEqualTo(content);
			assertThat(Decoder.decompress(Files.readAllBytes(copy(file, ".br"))).getDecompressedData())
				.as(file.toString())
				.isEqualTo(content);
		}
		assertThat(copy(output.resolve("index.html"), ".br")).exists();
		assertThat(Files.size(copy(output.resolve("index.html"), ".br")))
			.isLessThan(Files.size(copy(output.resolve("index.html"), ".gz")));
	}

	@Test
	void smallFilesImagesAndCopiesNoSmallerThanTheirFileAreLeftOut(@TempDir Path site) throws IOException {
		Files.writeString(site.resolve("small.html"), "<p>small</p>");
		Files.writeString(site.resolve("page.html"), "<p>a page</p>".repeat(200));
		byte[] noise = new byte[4000];
		new Random(7).nextBytes(noise);
		Files.write(site.resolve("photo.png"), "png ".repeat(1000).getBytes());
		Files.write(site.resolve("noise.txt"), noise);

		Precompressed.write(site);

		try (Stream<Path> files = Files.list(site)) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactlyInAnyOrder("small.html",
					"page.html", "page.html.gz", "page.html.br", "photo.png", "noise.txt");
		}
	}

	private static Path copy(Path file, String extension) {
		return file.resolveSibling(file.getFileName() + extension);
	}

	private static byte[] gunzip(byte[] gzipped) throws IOException {
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
			return in.readAllBytes();
		}
	}

}
