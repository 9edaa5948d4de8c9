package com.littlethreads.gateway.site;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.littlethreads.gateway.UpstreamGatewayTest;

import static org.assertj.core.api.Assertions.assertThat;

class SiteCompressionTests extends UpstreamGatewayTest {

	static final Path SITE = createSite();

	@DynamicPropertySource
	static void site(DynamicPropertyRegistry registry) {
		registry.add("littlethreads.site.dir", SITE::toString);
	}

	@LocalServerPort
	int port;

	/**
	 * A client that shows the bytes as the gateway sent them. Boot's own asks for gzip
	 * whatever the test says and decompresses on its own (Reactor Netty's
	 * {@code compress(true)}).
	 */
	WebTestClient wire;

	@BeforeEach
	void clientThatDoesNotDecompress() {
		this.wire = WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create()))
			.baseUrl("http://localhost:" + this.port)
			.build();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/page/", "/assets/site.0123456789.css", "/assets/app.0123456789.js", "/logo.svg" })
	void textFilesAreSentAsTheirGzipCopyToAClientThatAcceptsGzip(String path) {
		EntityExchangeResult<byte[]> result = get(path, "gzip, deflate");

		assertThat(result.getStatus().value()).isEqualTo(200);
		assertThat(result.getResponseHeaders().getFirst("Content-Encoding")).isEqualTo("gzip");
		assertThat(result.getResponseHeaders().getContentLength()).isEqualTo(result.getResponseBody().length);
		assertThat(result.getResponseBody().length).isLessThan(content(path).length);
		assertThat(gunzip(result.getResponseBody())).isEqualTo(content(path));
		assertThat(result.getResponseHeaders().getVary()).contains("Accept-Encoding");
	}

	@Test
	void browsersGetTheBrotliCopyThoughTheyListGzipFirst() {
		EntityExchangeResult<byte[]> result = get("/page/", "gzip, deflate, br, zstd");

		assertThat(result.getResponseHeaders().getFirst("Content-Encoding")).isEqualTo("br");
		assertThat(result.getResponseBody()).isEqualTo(content("/page/index.html.br"));
		assertThat(result.getResponseHeaders().getContentType()).hasToString("text/html;charset=UTF-8");
		assertThat(get("/logo.svg", "gzip, deflate, br, zstd").getResponseHeaders().getFirst("Content-Encoding"))
			.as("a file with a gzip copy only")
			.isEqualTo("gzip");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "identity", "deflate, zstd" })
	void aClientThatAcceptsNeitherCodingGetsTheFileAsItIsWithTheSameVary(String acceptEncoding) {
		EntityExchangeResult<byte[]> result = get("/page/", acceptEncoding.isEmpty() ? null : acceptEncoding);

		assertThat(result.getStatus().value()).isEqualTo(200);
		assertThat(result.getResponseHeaders().containsHeader("Content-Encoding")).isFalse();
		assertThat(result.getResponseBody()).isEqualTo(content("/page/"));
		assertThat(result.getResponseHeaders().getContentLength()).isEqualTo(content("/page/").length);
		assertThat(result.getResponseHeaders().getVary()).contains("Accept-Encoding");
	}

	@Test
	void aFileWithoutACompressedCopyIsSentAsItIs() {
		for (String path : new String[] { "/photo.png", "/small.html" }) {
			EntityExchangeResult<byte[]> result = get(path, "gzip, deflate, br");
			assertThat(result.getStatus().value()).isEqualTo(200);
			assertThat(result.getResponseHeaders().containsHeader("Content-Encoding")).as(path).isFalse();
			assertThat(result.getResponseBody()).as(path).isEqualTo(content(path));
		}
	}

	@Test
	void eachRepresentationHasItsOwnStrongTagAndRevalidatesUnderIt() {
		String identity = get("/page/", null).getResponseHeaders().getETag();
		String gzipped = get("/page/", "gzip").getResponseHeaders().getETag();
		assertThat(gzipped).isNotEqualTo(identity).startsWith("\"").endsWith("\"");
		assertThat(identity).startsWith("\"");

		EntityExchangeResult<byte[]> revalidated = get("/page/", "gzip", gzipped);
		assertThat(revalidated.getStatus().value()).isEqualTo(304);
		assertThat(revalidated.getResponseHeaders().getETag()).isEqualTo(gzipped);
		assertThat(revalidated.getResponseHeaders().getVary()).contains("Accept-Encoding");
		assertThat(revalidated.getResponseBody()).isNull();

		EntityExchangeResult<byte[]> bothHeld = get("/page/", "gzip", identity + ", " + gzipped);
		assertThat(bothHeld.getStatus().value()).isEqualTo(304);
		assertThat(bothHeld.getResponseHeaders().getETag()).isEqualTo(gzipped);

		EntityExchangeResult<byte[]> identityRevalidated = get("/page/", null, identity);
		assertThat(identityRevalidated.getStatus().value()).isEqualTo(304);
		assertThat(identityRevalidated.getResponseHeaders().getETag()).isEqualTo(identity);
		assertThat(identityRevalidated.getResponseHeaders().getVary()).contains("Accept-Encoding");

		// A tag for the other representation does not match the one this client gets.
		EntityExchangeResult<byte[]> nowAcceptingGzip = get("/page/", "gzip", identity);
		assertThat(nowAcceptingGzip.getStatus().value()).isEqualTo(200);
		assertThat(nowAcceptingGzip.getResponseHeaders().getETag()).isEqualTo(gzipped);
		assertThat(gunzip(nowAcceptingGzip.getResponseBody())).isEqualTo(content("/page/"));
		EntityExchangeResult<byte[]> noLongerAcceptingGzip = get("/page/", null, gzipped);
		assertThat(noLongerAcceptingGzip.getStatus().value()).isEqualTo(200);
		assertThat(noLongerAcceptingGzip.getResponseBody()).isEqualTo(content("/page/"));
	}

	@Test
	void fingerprintedAssetsStayImmutableWhenGzipped() {
		EntityExchangeResult<byte[]> result = get("/assets/site.0123456789.css", "gzip");

		assertThat(result.getResponseHeaders().getFirst("Content-Encoding")).isEqualTo("gzip");
		assertThat(result.getResponseHeaders().getCacheControl()).isEqualTo(SiteFiles.IMMUTABLE);
		assertThat(result.getResponseHeaders().getContentType()).hasToString("text/css;charset=UTF-8");
	}

	@Test
	void headGivesTheGzippedHeadersWithoutABody() {
		HttpHeaders get = get("/assets/app.0123456789.js", "gzip").getResponseHeaders();
		EntityExchangeResult<byte[]> head = head("/assets/app.0123456789.js", "gzip");

		assertThat(head.getStatus().value()).isEqualTo(200);
		assertThat(head.getResponseBody()).isNull();
		for (String name : new String[] { "Content-Encoding", "Content-Length", "Content-Type", "ETag", "Vary",
				"Cache-Control", "Last-Modified" }) {
			assertThat(head.getResponseHeaders().get(name)).as(name).isEqualTo(get.get(name)).isNotNull();
		}
	}

	@Test
	void theNotFoundPageIsSentGzippedWithItsStatusToAClientThatAcceptsGzip() {
		EntityExchangeResult<byte[]> gzipped = get("/no-such-page/", "gzip, deflate, br");
		EntityExchangeResult<byte[]> plain = get("/no-such-page/", null);

		assertThat(gzipped.getStatus().value()).isEqualTo(404);
		assertThat(gzipped.getResponseHeaders().getFirst("Content-Encoding")).isEqualTo("gzip");
		assertThat(gzipped.getResponseBody().length).isLessThan(content("/404.html").length);
		assertThat(gunzip(gzipped.getResponseBody())).isEqualTo(content("/404.html"));
		assertThat(gzipped.getResponseHeaders().getCacheControl()).isEqualTo(SiteFiles.REVALIDATE);
		assertThat(gzipped.getResponseHeaders().getVary()).contains("Accept-Encoding");
		assertThat(plain.getStatus().value()).isEqualTo(404);
		assertThat(plain.getResponseHeaders().containsHeader("Content-Encoding")).isFalse();
		assertThat(plain.getResponseBody()).isEqualTo(content("/404.html"));
		assertThat(plain.getResponseHeaders().getVary()).contains("Accept-Encoding");
		EntityExchangeResult<byte[]> ranged = this.wire.get()
			.uri("/no-such-page/")
			.header("Range", "bytes=0-9")
			.exchange()
			.expectBody(byte[].class)
			.returnResult();
		assertThat(ranged.getStatus().value()).isEqualTo(404);
		assertThat(ranged.getResponseBody()).isEqualTo(content("/404.html"));
	}

	private EntityExchangeResult<byte[]> get(String path, String acceptEncoding) {
		return get(path, acceptEncoding, null);
	}

	private EntityExchangeResult<byte[]> get(String path, String acceptEncoding, String ifNoneMatch) {
		return this.wire.get().uri(path).headers((headers) -> {
			if (acceptEncoding != null) {
				headers.set("Accept-Encoding", acceptEncoding);
			}
			if (ifNoneMatch != null) {
				headers.set("If-None-Match", ifNoneMatch);
			}
		}).exchange().expectBody(byte[].class).returnResult();
	}

	private EntityExchangeResult<byte[]> head(String path, String acceptEncoding) {
		return this.wire.head()
			.uri(path)
			.header("Accept-Encoding", acceptEncoding)
			.exchange()
			.expectBody(byte[].class)
			.returnResult();
	}

	private static byte[] content(String path) {
		try {
			return Files.readAllBytes(SITE.resolve(path.substring(1) + (path.endsWith("/") ? "index.html" : "")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] gunzip(byte[] gzipped) {
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A site as static-site writes it: text files with a {@code .gz} copy, the home page
	 * with a {@code .br} copy too (its bytes stand for Brotli: the gateway sends a copy
	 * as it is), images and small files without one.
	 */
	private static Path createSite() {
		try {
			Path site = Files.createTempDirectory("site-compression");
			SiteHeadersFixture.write(site);
			write(site.resolve("page/index.html"), text("<p>a product page</p>", 4000));
			Files.writeString(site.resolve("page/index.html.br"), "brotli bytes");
			write(site.resolve("404.html"), text("<p>not found page</p>", 2000));
			write(site.resolve("assets/site.0123456789.css"), text("body{margin:0}", 3000));
			write(site.resolve("assets/app.0123456789.js"), text("export const a = 1;", 3000));
			write(site.resolve("logo.svg"), text("<svg><path d=\"M0 0h1v1z\"/></svg>", 2000));
			try (var files = Files.walk(site)) {
				for (Path file : files.filter(Files::isRegularFile).toList()) {
					if (!file.toString().endsWith(".br") && !file.getFileName().toString().startsWith("_")) {
						Files.write(Path.of(file + ".gz"), gzip(Files.readAllBytes(file)));
					}
				}
			}
			write(site.resolve("small.html"), "<p>small</p>");
			byte[] image = new byte[4000];
			new Random(7).nextBytes(image);
			Files.write(site.resolve("photo.png"), image);
			return site;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] gzip(byte[] content) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(content);
		}
		return out.toByteArray();
	}

	/** Text of exactly {@code length} ASCII characters, repetitive enough to compress. */
	private static String text(String start, int length) {
		StringBuilder text = new StringBuilder(start);
		while (text.length() < length) {
			text.append(" line ").append(text.length() % 97);
		}
		return text.substring(0, length);
	}

	private static void write(Path file, String content) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

}
