package com.littlethreads.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where the current request's id lives: the {@value #HEADER} header in and out, a request
 * attribute for code that handles the request and the {@value #MDC_KEY} MDC key for logs.
 */
public final class RequestIds {

	/**
	 * The header that carries the request id, in both directions.
	 */
	public static final String HEADER = "X-Request-Id";

	/**
	 * The MDC key that puts the request id in every log line.
	 */
	public static final String MDC_KEY = "requestId";

	static final String ATTRIBUTE = RequestIds.class.getName() + ".requestId";

	/**
	 * What a caller may send as an id: short, printable, and safe to echo into headers
	 * and logs (no spaces, quotes or control characters that could forge log lines).
	 */
	private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

	private RequestIds() {
	}

	/**
	 * The id of the given request, if the request id filter has seen it.
	 * @param request the request
	 * @return its id, or {@code null}
	 */
	public static String of(HttpServletRequest request) {
		Object id = request.getAttribute(ATTRIBUTE);
		return (id instanceof String string) ? string : null;
	}

	/**
	 * The caller's id when it is acceptable, otherwise a new one.
	 * @param candidate the {@value #HEADER} the caller sent, or {@code null}
	 * @return the id to use
	 */
	public static String acceptOrCreate(String candidate) {
		return (candidate != null && ACCEPTABLE.matcher(candidate).matches()) ? candidate
				: UUID.randomUUID().toString();
	}

}
