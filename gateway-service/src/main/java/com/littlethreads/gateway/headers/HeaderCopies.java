package com.littlethreads.gateway.headers;

import java.util.Collection;
import java.util.Locale;
import java.util.function.Predicate;

import org.springframework.http.HttpHeaders;

/**
 * Copies of headers without some of them, and the check that spares the copy. Spring's
 * headers have no cheap way to list their names: each walk over them builds a
 * case-insensitive set of every name first (docs/benchmarks.md), so a filter looks up the
 * few names it drops, one by one, and copies only when one is there.
 */
public final class HeaderCopies {

	private HeaderCopies() {
	}

	/**
	 * Whether any of these names is among the headers, one lookup each.
	 */
	public static boolean anyPresent(HttpHeaders headers, Collection<String> names) {
		for (String name : names) {
			if (headers.containsHeader(name)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A copy of the headers without those whose name, in lower case, is dropped.
	 */
	public static HttpHeaders without(HttpHeaders headers, Predicate<String> dropped) {
		HttpHeaders kept = new HttpHeaders();
		headers.forEach((name, values) -> {
			if (!dropped.test(name.toLowerCase(Locale.ROOT))) {
				kept.addAll(name, values);
			}
		});
		return kept;
	}

}
