package com.littlethreads.gateway.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriUtils;

/**
 * Answers a request for the storefront from its directory. A directory URL serves its
 * {@code index.html}; anything else that is not a file gets the site's own 404 page with
 * status 404. Fingerprinted assets (a content hash in the name) are cached for a year;
 * everything else is revalidated on every use, cheaply, through ETag and Last-Modified.
 * <p>
 * Text files (HTML, CSS, JavaScript, SVG, XML, JSON, plain text, the web manifest) of at
 * least a kilobyte are sent gzipped to a client that accepts gzip. That representation
 * has its own strong ETag (the file's with {@code -gz}), and every response for such a
 * file says {@code Vary: Accept-Encoding}. Each version of a file is compressed once and
 * kept in memory; the site directory bounds how many are kept. The gateway's
 * {@code server.compression} stays off: it would also compress the proxied API.
 * <p>
 * Only plain names inside the directory are ever read: a path with an empty, dot or
 * dot-dot segment, a hidden name, an encoded slash or backslash, or a link leading out of
 * the directory is answered with the 404 page.
 */
class SiteFiles {

	static final String IMMUTABLE = "public, max-age=31536000, immutable";

	static final String REVALIDATE = "no-cache";

	private static final Pattern FINGERPRINTED = Pattern.compile("/assets/[\\w-]+\\.[0-9a-f]{10}\\.\\w+");

	private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	private static final Set<String> TEXT = Set.of("html", "css", "js", "svg", "xml", "txt", "json", "webmanifest");

	/** Below this, gzip's own header and the Vary cost about what compression saves. */
	static final long GZIP_MIN_SIZE = 1024;

	/** Above this, a file is sent as it is rather than held compressed in memory. */
	static final long GZIP_MAX_SIZE = 4 * 1024 * 1024;

	private static final Pattern QVALUE = Pattern.compile("0(\\.\\d{0,3})?|1(\\.0{0,3})?");

	private final Path root;

	/** The gzipped bytes of each compressible file, for the version its ETag names. */
	private final Map<Path, Gzipped> gzipped = new ConcurrentHashMap<>();

	SiteFiles(Path directory) {
		try {
			this.root = directory.toRealPath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The site directory " + directory + " (littlethreads.site.dir) is missing",
					ex);
		}
	}

	Mono<ServerResponse> serve(ServerRequest request) {
		// File system calls block; keep them off the event loop.
		return Mono.fromCallable(() -> resolve(request.requestPath().pathWithinApplication().value()))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((found) -> respond(request, found));
	}

	private Mono<ServerResponse> respond(ServerRequest request, Found found) {
		if (found.redirect() != null) {
			String query = request.uri().getRawQuery();
			return ServerResponse.status(HttpStatus.MOVED_PERMANENTLY)
				.location(URI.create(found.redirect() + ((query != null) ? "?" + query : "")))
				.build();
		}
		if (found.file() == null) {
			return notFound(request);
		}
		return file(request, found.file(), FINGERPRINTED.matcher(found.urlPath()).matches() ? IMMUTABLE : REVALIDATE);
	}

	// Runs on boundedElastic (see serve): it reads the file's attributes, and may read
	// and compress the file.
	private Mono<ServerResponse> file(ServerRequest request, Path file, String cacheControl) {
		BasicFileAttributes attributes;
		try {
			attributes = Files.readAttributes(file, BasicFileAttributes.class);
		}
		catch (IOException ex) {
			return notFound(request);
		}
		Instant modified = attributes.lastModifiedTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
		String etag = etag(attributes, modified);
		HttpHeaders headers = request.headers().asHttpHeaders();
		boolean gzip = negotiateGzip(request, file, attributes);
		String selectedTag = gzip ? gzipTag(etag) : etag;
		if (notModified(headers, selectedTag, modified)) {
			return ServerResponse.status(HttpStatus.NOT_MODIFIED)
				.eTag(selectedTag)
				.lastModified(modified)
				.header(HttpHeaders.CACHE_CONTROL, cacheControl)
				.build();
		}
		if (gzip) {
			byte[] body;
			try {
				body = gzipped(file, etag, attributes.size());
			}
			catch (IOException ex) {
				return notFound(request);
			}
			return ServerResponse.ok()
				.contentType(mediaType(file))
				.header(HttpHeaders.CONTENT_ENCODING, "gzip")
				.contentLength(body.length)
				.eTag(selectedTag)
				.lastModified(modified)
				.header(HttpHeaders.CACHE_CONTROL, cacheControl)
				.bodyValue(body);
		}
		return ServerResponse.ok()
			.contentType(mediaType(file))
			.contentLength(attributes.size())
			.eTag(etag)
			.lastModified(modified)
			.header(HttpHeaders.CACHE_CONTROL, cacheControl)
			.body(BodyInserters.fromResource(new FileSystemResource(file)));
	}

	private static String etag(BasicFileAttributes attributes, Instant modified) {
		return "\"" + Long.toHexString(attributes.size()) + "-" + Long.toHexString(modified.getEpochSecond()) + "\"";
	}

	/**
	 * Whether to send a file gzipped: a compressible file to a client that accepts gzip.
	 * For every compressible file, whatever the client accepts, the answer says
	 * {@code Vary: Accept-Encoding}: set on the exchange, once, for the 304, the 404 and
	 * both 200s alike (and added: a builder's Vary would replace one a filter had already
	 * set).
	 */
	private static boolean negotiateGzip(ServerRequest request, Path file, BasicFileAttributes attributes) {
		if (!compressible(file, attributes.size())) {
			return false;
		}
		request.exchange().getResponse().getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		return acceptsGzip(request.headers().asHttpHeaders());
	}

	private byte[] gzipped(Path file, String etag, long size) throws IOException {
		Gzipped known = this.gzipped.get(file);
		if (known != null && known.etag().equals(etag)) {
			return known.bytes();
		}
		byte[] content = Files.readAllBytes(file);
		byte[] bytes = gzip(content);
		// A file rewritten between reading its attributes and its bytes is not kept under
		// the old version's tag; the next request sees the new tag and compresses again.
		if (content.length == size) {
			this.gzipped.put(file, new Gzipped(etag, bytes));
		}
		return bytes;
	}

	static byte[] gzip(byte[] content) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(content.length / 3 + 64);
		// Paid once per file version, so the slowest, smallest setting is worth it.
		try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
			{
				this.def.setLevel(Deflater.BEST_COMPRESSION);
			}
		}) {
			gzip.write(content);
		}
		return out.toByteArray();
	}

	static String gzipTag(String etag) {
		return etag.substring(0, etag.length() - 1) + "-gz\"";
	}

	private static boolean compressible(Path file, long size) {
		String name = file.getFileName().toString();
		String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
		return TEXT.contains(extension) && size >= GZIP_MIN_SIZE && size <= GZIP_MAX_SIZE;
	}

	/**
	 * Whether {@code Accept-Encoding} accepts gzip: named with a q-value above 0 or, when
	 * not named, a {@code *} with one. A malformed q-value counts as 0.
	 * @param headers the request's headers
	 * @return whether a gzipped body may be sent
	 */
	static boolean acceptsGzip(HttpHeaders headers) {
		double gzip = -1;
		double any = -1;
		for (String value : headers.getOrEmpty(HttpHeaders.ACCEPT_ENCODING)) {
			for (String element : value.split(",")) {
				String[] parts = element.split(";");
				String coding = parts[0].strip().toLowerCase(Locale.ROOT);
				double quality = 1;
				for (int i = 1; i < parts.length; i++) {
					String parameter = parts[i].strip();
					if (parameter.regionMatches(true, 0, "q=", 0, 2)) {
						String q = parameter.substring(2).strip();
						quality = QVALUE.matcher(q).matches() ? Double.parseDouble(q) : 0;
					}
				}
				if (coding.equals("gzip") || coding.equals("x-gzip")) {
					gzip = Math.max(gzip, quality);
				}
				else if (coding.equals("*")) {
					any = Math.max(any, quality);
				}
			}
		}
		return (gzip >= 0) ? gzip > 0 : any > 0;
	}

	/**
	 * The site's own 404 page with status 404, gzipped like any other page: it is what
	 * every mistyped or outdated link shows.
	 */
	private Mono<ServerResponse> notFound(ServerRequest request) {
		Path page = this.root.resolve("404.html");
		ServerResponse.BodyBuilder response = ServerResponse.status(HttpStatus.NOT_FOUND)
			.header(HttpHeaders.CACHE_CONTROL, REVALIDATE);
		BasicFileAttributes attributes;
		try {
			attributes = Files.readAttributes(page, BasicFileAttributes.class);
		}
		catch (IOException ex) {
			attributes = null;
		}
		if (attributes == null || !attributes.isRegularFile()) {
			return response.contentType(MediaType.TEXT_PLAIN).bodyValue("Not found");
		}
		if (negotiateGzip(request, page, attributes)) {
			Instant modified = attributes.lastModifiedTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
			try {
				byte[] body = gzipped(page, etag(attributes, modified), attributes.size());
				return response.contentType(HTML)
					.header(HttpHeaders.CONTENT_ENCODING, "gzip")
					.contentLength(body.length)
					.bodyValue(body);
			}
			catch (IOException ex) {
				// Rewritten or removed meanwhile: sent as it is below.
			}
		}
		return response.contentType(HTML).body(BodyInserters.fromResource(new FileSystemResource(page)));
	}

	static boolean notModified(HttpHeaders headers, String etag, Instant modified) {
		List<String> ifNoneMatch = headers.getIfNoneMatch();
		if (!ifNoneMatch.isEmpty()) {
			return ifNoneMatch.stream()
				.map((tag) -> tag.startsWith("W/") ? tag.substring(2) : tag)
				.anyMatch((tag) -> tag.equals("*") || tag.equals(etag));
		}
		String since = headers.getFirst(HttpHeaders.IF_MODIFIED_SINCE);
		if (since == null) {
			return false;
		}
		try {
			Instant client = ZonedDateTime.parse(since, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			return !modified.isAfter(client);
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	/**
	 * What a raw (still percent-encoded) request path names.
	 * @param rawPath the path
	 * @return the file, a redirect to the directory URL, or neither (not found)
	 */
	Found resolve(String rawPath) throws IOException {
		List<String> segments = new ArrayList<>();
		String[] parts = rawPath.split("/", -1);
		for (int i = 1; i < parts.length; i++) {
			boolean last = i == parts.length - 1;
			String segment = decode(parts[i]);
			if (segment == null) {
				return Found.NOTHING;
			}
			if (segment.isEmpty() && last) {
				continue;
			}
			if (!safe(segment)) {
				return Found.NOTHING;
			}
			segments.add(segment);
		}
		Path candidate = this.root;
		for (String segment : segments) {
			candidate = candidate.resolve(segment);
		}
		candidate = candidate.normalize();
		if (!candidate.startsWith(this.root) || !Files.exists(candidate)) {
			return Found.NOTHING;
		}
		// Follows links, then checks the result is still inside the site.
		Path real = candidate.toRealPath();
		if (!real.startsWith(this.root)) {
			return Found.NOTHING;
		}
		String urlPath = "/" + String.join("/", segments);
		if (Files.isDirectory(real)) {
			if (!rawPath.endsWith("/")) {
				return new Found(null, null, rawPath + "/");
			}
			Path index = real.resolve("index.html");
			return Files.isRegularFile(index) ? new Found(index, urlPath + "/index.html", null) : Found.NOTHING;
		}
		return Files.isRegularFile(real) ? new Found(real, urlPath, null) : Found.NOTHING;
	}

	private static String decode(String segment) {
		try {
			return UriUtils.decode(segment, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static boolean safe(String segment) {
		return !segment.isEmpty() && !segment.startsWith(".") && segment.indexOf('/') < 0 && segment.indexOf('\\') < 0
				&& segment.indexOf('\0') < 0 && segment.indexOf(':') < 0;
	}

	private static MediaType mediaType(Path file) {
		String name = file.getFileName().toString();
		if (name.endsWith(".html")) {
			return HTML;
		}
		if (name.endsWith(".js")) {
			return new MediaType("text", "javascript", StandardCharsets.UTF_8);
		}
		if (name.endsWith(".css") || name.endsWith(".txt") || name.endsWith(".xml")) {
			return new MediaType(MediaTypeFactory.getMediaType(name).orElse(MediaType.TEXT_PLAIN),
					StandardCharsets.UTF_8);
		}
		return MediaTypeFactory.getMediaType(name).orElse(MediaType.APPLICATION_OCTET_STREAM);
	}

	/**
	 * The outcome of resolving a path.
	 *
	 * @param file the file to send, or {@code null}
	 * @param urlPath the file's path on the site
	 * @param redirect where a directory URL without its slash goes, or {@code null}
	 */
	record Found(Path file, String urlPath, String redirect) {

		static final Found NOTHING = new Found(null, null, null);

	}

	/**
	 * A file's gzipped bytes.
	 *
	 * @param etag the identity ETag of the version compressed
	 * @param bytes the gzip stream
	 */
	private record Gzipped(String etag, byte[] bytes) {

	}

}
