package com.littlethreads.gateway.compression;

import java.util.List;
import java.util.Locale;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The rule for which API answers the gateway compresses: public catalog reads, and
 * nothing else.
 * <p>
 * Compression next to input an attacker can choose (a query, a form field, a reflected
 * header) lets the attacker recover a secret in the same answer by watching its
 * compressed length: BREACH. So the gateway never compresses an answer that may carry a
 * secret: tokens (sign-in, refresh), personal data (profile, addresses, orders), or
 * anything an admin reads. It compresses only what anyone may read without credentials,
 * where there is nothing to recover: the catalog's lists, products, categories,
 * availability and images. The rule is an allow-list: a route added later is never
 * compressed until someone decides it is public.
 * <ul>
 * <li>The request: GET or HEAD on the {@code catalog} route, outside its admin API, with
 * no {@code Authorization} header (an authenticated answer may be personal, whatever its
 * path).</li>
 * <li>The answer: no {@code Set-Cookie} (a cookie being set is a secret in the answer)
 * and not {@code Cache-Control: private} (the service saying it is one person's).</li>
 * </ul>
 */
final class PublicReads {

	/** The route whose public answers are compressed (application.yml). */
	static final String CATALOG_ROUTE = "catalog";

	static final String ADMIN_PREFIX = "/api/catalog/admin";

	/**
	 * Below this, gzip's own framing and the Vary cost about what compression saves (the
	 * same floor as the site's files).
	 */
	static final long MIN_SIZE = 1024;

	private static final List<MediaType> TEXT = List.of(MediaType.APPLICATION_JSON,
			MediaType.parseMediaType("application/*+json"), MediaType.parseMediaType("image/svg+xml"));

	private PublicReads() {
	}

	/**
	 * Whether a request is a public catalog read.
	 * @param request the request
	 * @param route the route it matched, or {@code null}
	 * @return whether its answer may be compressed, if the answer is public too
	 */
	static boolean isPublicRead(ServerHttpRequest request, Route route) {
		if (route == null || !CATALOG_ROUTE.equals(route.getId())) {
			return false;
		}
		if (!HttpMethod.GET.equals(request.getMethod()) && !HttpMethod.HEAD.equals(request.getMethod())) {
			return false;
		}
		if (isAdmin(request.getPath().pathWithinApplication().value())) {
			return false;
		}
		return !request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
	}

	/**
	 * Whether a path is the catalog's admin API, in any letter case (compared in place:
	 * this runs for every catalog read).
	 */
	private static boolean isAdmin(String path) {
		int length = ADMIN_PREFIX.length();
		return path.regionMatches(true, 0, ADMIN_PREFIX, 0, length)
				&& (path.length() == length || path.charAt(length) == '/');
	}

	/**
	 * Whether an answer is one anyone may read: it sets no cookie and its service did not
	 * mark it private.
	 * @param headers the answer's headers
	 * @return whether it is public
	 */
	static boolean isPublicAnswer(HttpHeaders headers) {
		if (headers.containsHeader(HttpHeaders.SET_COOKIE)) {
			return false;
		}
		return headers.getOrEmpty(HttpHeaders.CACHE_CONTROL)
			.stream()
			.noneMatch((value) -> value.toLowerCase(Locale.ROOT).contains("private"));
	}

	private static boolean isText(MediaType type) {
		for (MediaType text : TEXT) {
			if (text.includes(type)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a public answer's body is worth compressing: a successful read's JSON or
	 * SVG, not already encoded, and at least {@link #MIN_SIZE} when its length is known.
	 * Errors are never compressed: problem answers are small, and one the gateway writes
	 * itself (a 5xx for an upstream that failed) could otherwise be switched to gzip
	 * while it is being written with its plain length, leaving the client waiting for
	 * bytes that never come.
	 * @param status the status
	 * @param headers the answer's headers
	 * @return whether to compress it for a client that accepts it
	 */
	static boolean isWorthCompressing(HttpStatusCode status, HttpHeaders headers) {
		if (status == null || !status.is2xxSuccessful() || status.value() == 204
				|| headers.containsHeader(HttpHeaders.CONTENT_ENCODING)) {
			return false;
		}
		MediaType type = headers.getContentType();
		if (type == null || !isText(type)) {
			return false;
		}
		long length = headers.getContentLength();
		return length < 0 || length >= MIN_SIZE;
	}

}
