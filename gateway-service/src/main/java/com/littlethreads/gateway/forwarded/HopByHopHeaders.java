package com.littlethreads.gateway.forwarded;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

import com.littlethreads.gateway.headers.HeaderCopies;

/**
 * The headers that describe one connection rather than the message, which a proxy must
 * not pass on (RFC 9110, section 7.6.1): those of Spring Cloud Gateway's own filter for
 * them, whose place this takes, and every header the {@code Connection} header names.
 * <p>
 * Gateway's filter copied every header of every request and every answer, lower-casing
 * each name into a new map first, to drop headers that are seldom there. Here a proxied
 * request loses them in the one copy {@link ForwardedHeadersFilter} makes anyway, and an
 * answer is copied only when it carries one (docs/benchmarks.md). As a filter, this is
 * the answer's half.
 */
class HopByHopHeaders implements HttpHeadersFilter, Ordered {

	/**
	 * Lower case, as Spring Cloud Gateway lists them.
	 */
	static final Set<String> NAMES = Set.of("connection", "keep-alive", "transfer-encoding", "te", "trailer",
			"proxy-authorization", "proxy-authenticate", "x-application-context", "upgrade");

	/**
	 * The lower-case names to drop from these headers: {@link #NAMES}, and those the
	 * {@code Connection} header lists when there is one.
	 */
	static Set<String> of(HttpHeaders headers) {
		Set<String> names = NAMES;
		for (String option : headers.getConnection()) {
			String name = option.trim().toLowerCase(Locale.ROOT);
			if (!names.contains(name)) {
				if (names == NAMES) {
					names = new HashSet<>(NAMES);
				}
				names.add(name);
			}
		}
		return names;
	}

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		// A header Connection names goes only with Connection itself, which is one of
		// them.
		if (!HeaderCopies.anyPresent(input, NAMES)) {
			return input;
		}
		return HeaderCopies.without(input, of(input)::contains);
	}

	@Override
	public boolean supports(Type type) {
		return type == Type.RESPONSE;
	}

	@Override
	public int getOrder() {
		// Where Spring Cloud Gateway's filter for them was.
		return Ordered.LOWEST_PRECEDENCE - 1;
	}

}
