package com.littlethreads.platform.core.requestid;

import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The request id rule every hop applies, the gateway and the services alike: the
 * {@value #HEADER} header in and out, the {@value #MDC_KEY} MDC key for logs, and an
 * attribute ({@link #ATTRIBUTE}, on the servlet request or the WebFlux exchange) for code
 * that answers the request itself. Because the gateway and the services accept the same
 * ids, an id the gateway forwards is never replaced further in.
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

	/**
	 * The request (or exchange) attribute the request id filter stores the id under.
	 */
	public static final String ATTRIBUTE = RequestIds.class.getName() + ".requestId";

	/**
	 * What a caller may send as an id: short, printable, and safe to echo into headers
	 * and logs (no spaces, quotes or control characters that could forge log lines).
	 */
	private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

	private RequestIds() {
	}

	/**
	 * The id of a request, if the request id filter has seen it.
	 * @param attributes the request's (or exchange's) attribute lookup, such as
	 * {@code request::getAttribute}
	 * @return its id, or {@code null}
	 */
	public static String of(Function<String, Object> attributes) {
		Object id = attributes.apply(ATTRIBUTE);
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
