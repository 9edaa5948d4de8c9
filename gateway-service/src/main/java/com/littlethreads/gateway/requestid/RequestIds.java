package com.littlethreads.gateway.requestid;

import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.web.server.ServerWebExchange;

/**
 * Where the current request's id lives: the {@value #HEADER} header in and out, and an
 * exchange attribute for code that answers the request itself.
 */
public final class RequestIds {

	/**
	 * The header that carries the request id, towards the services and back to the
	 * caller. The services accept it and log under it.
	 */
	public static final String HEADER = "X-Request-Id";

	static final String ATTRIBUTE = RequestIds.class.getName() + ".requestId";

	/**
	 * What a caller may send as an id: the same rule the services apply, so an id the
	 * gateway forwards is never replaced further in. It keeps out spaces, quotes and
	 * control characters that could forge log lines or headers.
	 */
	private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

	private RequestIds() {
	}

	/**
	 * The id of the given exchange, once the request id filter has seen it.
	 * @param exchange the exchange
	 * @return its id, or {@code null}
	 */
	public static String of(ServerWebExchange exchange) {
		return exchange.getAttribute(ATTRIBUTE);
	}

	/**
	 * The caller's id when it is acceptable, otherwise a new one.
	 * @param candidate the caller's {@value #HEADER}, or {@code null}
	 * @return the id to answer under
	 */
	public static String acceptOrCreate(String candidate) {
		return (candidate != null && ACCEPTABLE.matcher(candidate).matches()) ? candidate
				: UUID.randomUUID().toString();
	}

}
