package com.littlethreads.gateway.site;

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
import java.util.regex.Pattern;

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
 * Only plain names inside the directory are ever read: a path with an empty, dot or
 * dot-dot segment, a hidden name, an encoded slash or backslash, or a link leading out of
 * the directory is answered with the 404 page.
 */
class SiteFiles {

	static final String IMMUTABLE = "public, max-age=31536000, immutable";

	static final String REVALIDATE = "no-cache";

	private static final Pattern FINGERPRINTED = Pattern.compile("/assets/[\\w-]+\\.[0-9a-f]{10}\\.\\w+");

	private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	private final Path root;

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
			return notFound();
		}
		return file(request, found.file(), FINGERPRINTED.matcher(found.urlPath()).matches() ? IMMUTABLE : REVALIDATE);
	}

	private Mono<ServerResponse> file(ServerRequest request, Path file, String cacheControl) {
		BasicFileAttributes attributes;
		try {
			attributes = Files.readAttributes(file, BasicFileAttributes.class);
		}
		catch (IOException ex) {
			return notFound();
		}
		Instant modified = attributes.lastModifiedTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
		String etag = "\"" + Long.toHexString(attributes.size()) + "-" + Long.toHexString(modified.getEpochSecond())
				+ "\"";
		if (notModified(request.headers().asHttpHeaders(), etag, modified)) {
			return ServerResponse.status(HttpStatus.NOT_MODIFIED)
				.eTag(etag)
				.lastModified(modified)
				.header(HttpHeaders.CACHE_CONTROL, cacheControl)
				.build();
		}
		return ServerResponse.ok()
			.contentType(mediaType(file))
			.contentLength(attributes.size())
			.eTag(etag)
			.lastModified(modified)
			.header(HttpHeaders.CACHE_CONTROL, cacheControl)
			.body(BodyInserters.fromResource(new FileSystemResource(file)));
	}

	private Mono<ServerResponse> notFound() {
		Path page = this.root.resolve("404.html");
		ServerResponse.BodyBuilder response = ServerResponse.status(HttpStatus.NOT_FOUND)
			.header(HttpHeaders.CACHE_CONTROL, REVALIDATE);
		if (!Files.isRegularFile(page)) {
			return response.contentType(MediaType.TEXT_PLAIN).bodyValue("Not found");
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

}
