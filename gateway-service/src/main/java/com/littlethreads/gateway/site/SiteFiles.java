package com.littlethreads.gateway.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.resource.EncodedResourceResolver;
import org.springframework.web.reactive.resource.HttpResource;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.reactive.resource.PathResourceResolver;
import org.springframework.web.reactive.resource.ResourceWebHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Answers a request for the storefront from its directory with Spring's resource
 * handling: ETag and Last-Modified with 304s, HEAD, byte ranges, the path checks, and the
 * {@code .br} and {@code .gz} copies static-site writes next to each text file, sent to a
 * client that lists their coding in {@code Accept-Encoding} (with
 * {@code Content-Encoding}, {@code Vary: Accept-Encoding} and an ETag of their own).
 * <p>
 * Added here, because a storefront needs it and the library does not do it: a directory
 * URL serves its {@code index.html} (without its slash it redirects there); anything else
 * that is not a file gets the site's own 404 page with status 404; fingerprinted assets
 * (a content hash in the name) are cached for a year and everything else is revalidated;
 * a link leading out of the directory, or a hidden name, is never served.
 */
class SiteFiles extends ResourceWebHandler {

	static final String IMMUTABLE = "public, max-age=31536000, immutable";

	static final String REVALIDATE = "no-cache";

	private static final Pattern FINGERPRINTED = Pattern.compile("/assets/[\\w-]+\\.[0-9a-f]{10}\\.\\w+");

	private static final Pattern BROTLI = Pattern.compile("(^|,)\\s*br\\s*(;|,|$)", Pattern.CASE_INSENSITIVE);

	private static final PathPattern EVERY_PATH = PathPatternParser.defaultInstance.parse("/**");

	SiteFiles(Path directory) {
		Path root;
		try {
			root = directory.toRealPath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The site directory " + directory + " (littlethreads.site.dir) is missing",
					ex);
		}
		setLocations(List.of(new FileSystemResource(root + "/")));
		setResourceResolvers(List.of(new EncodedResourceResolver(), new InsideSite(root)));
		setEtagGenerator(SiteFiles::etag);
		setMediaTypes(Map.of("html", new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8), "css",
				new MediaType("text", "css", StandardCharsets.UTF_8), "js",
				new MediaType("text", "javascript", StandardCharsets.UTF_8), "txt",
				new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8), "xml",
				new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8)));
		try {
			afterPropertiesSet();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot serve the site directory " + root, ex);
		}
	}

	@Override
	public Mono<Void> handle(ServerWebExchange request) {
		ServerWebExchange exchange = brotliFirst(request);
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		HttpHeaders headers = exchange.getResponse().getHeaders();
		// Set before the library answers, so that its 304s carry them too.
		headers.setCacheControl(FINGERPRINTED.matcher(path).matches() ? IMMUTABLE : REVALIDATE);
		// The library says Vary only on a compressed answer; a cache must know the plain
		// one varies too.
		headers.setVary(List.of(HttpHeaders.ACCEPT_ENCODING));
		return serve(exchange, path.endsWith("/") ? path + "index.html" : path)
			.onErrorResume(NoResourceFoundException.class, (ex) -> redirectOrNotFound(exchange, path));
	}

	/**
	 * Spring 7.0.8 takes the codings in the client's order, and browsers list gzip before
	 * br (spring-framework#37210): the smaller Brotli copy goes first where it is
	 * accepted.
	 */
	private static ServerWebExchange brotliFirst(ServerWebExchange exchange) {
		String accepted = exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT_ENCODING);
		if (accepted == null || !BROTLI.matcher(accepted).find()) {
			return exchange;
		}
		return exchange.mutate()
			.request((request) -> request
				.headers((headers) -> headers.set(HttpHeaders.ACCEPT_ENCODING, "br, " + accepted)))
			.build();
	}

	private Mono<Void> redirectOrNotFound(ServerWebExchange exchange, String path) {
		Mono<Boolean> directory = path.endsWith("/") ? Mono.just(false)
				: getResource(at(exchange, path + "/index.html")).hasElement();
		return directory.flatMap((isDirectory) -> {
			if (isDirectory) {
				String query = exchange.getRequest().getURI().getRawQuery();
				exchange.getResponse().setStatusCode(HttpStatus.MOVED_PERMANENTLY);
				exchange.getResponse()
					.getHeaders()
					.setLocation(URI.create(path + "/" + ((query != null) ? "?" + query : "")));
				return exchange.getResponse().setComplete();
			}
			// A status other than 200 also keeps the library from answering 304; without
			// the Range header, it cannot answer 206 with part of the 404 page either.
			exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
			exchange.getResponse().getHeaders().setCacheControl(REVALIDATE);
			ServerWebExchange whole = exchange.mutate()
				.request((request) -> request.headers((headers) -> headers.remove(HttpHeaders.RANGE)))
				.build();
			return serve(whole, "/404.html");
		});
	}

	private Mono<Void> serve(ServerWebExchange exchange, String path) {
		return super.handle(at(exchange, path));
	}

	/** What a handler mapping would have told the library: the path to look up. */
	private static ServerWebExchange at(ServerWebExchange exchange, String path) {
		exchange.getAttributes().put(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, EVERY_PATH);
		exchange.getAttributes()
			.put(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE, PathContainer.parsePath(path.substring(1)));
		return exchange;
	}

	/**
	 * A strong tag from the file's size and time, and the coding of a compressed copy, so
	 * that each representation revalidates under its own tag.
	 */
	private static String etag(Resource resource) {
		try {
			String coding = (resource instanceof HttpResource http)
					? http.getResponseHeaders().getFirst(HttpHeaders.CONTENT_ENCODING) : null;
			return "\"" + Long.toHexString(resource.contentLength()) + "-" + Long.toHexString(resource.lastModified())
					+ ((coding != null) ? "-" + coding : "") + "\"";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Spring's resolver, which checks the path only as written: a link inside the site
	 * leading out of it, and hidden names, are refused here.
	 */
	private static final class InsideSite extends PathResourceResolver {

		private final Path root;

		InsideSite(Path root) {
			this.root = root;
		}

		@Override
		protected boolean checkResource(Resource resource, Resource location) throws IOException {
			Path file = resource.getFilePath();
			for (Path name : this.root.relativize(file.normalize())) {
				if (name.toString().startsWith(".")) {
					return false;
				}
			}
			return super.checkResource(resource, location) && file.toRealPath().startsWith(this.root);
		}

	}

}
