package com.littlethreads.emulator.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Request parameters in Stripe's bracket notation ({@code metadata[order_id]},
 * {@code line_items[0][price_data][unit_amount]}, {@code expand[]}), read as a tree with
 * Stripe's validation messages. Each error names the full parameter path, as Stripe's
 * {@code param} does.
 */
public final class FormParams {

	private final String path;

	private final Map<String, Object> values;

	private FormParams(String path, Map<String, Object> values) {
		this.path = path;
		this.values = values;
	}

	/**
	 * Parses a servlet parameter map (query string and form body together).
	 * @param parameters the flat parameters, keys in bracket notation
	 * @return the parameter tree
	 * @throws StripeApiException for a key whose brackets do not close or that is both a
	 * value and a hash
	 */
	public static FormParams of(Map<String, String[]> parameters) {
		Map<String, Object> root = new LinkedHashMap<>();
		parameters.forEach((key, values) -> {
			List<String> segments = segments(key);
			for (String value : values) {
				put(root, segments, 0, value, key);
			}
		});
		return new FormParams("", root);
	}

	private static List<String> segments(String key) {
		int open = key.indexOf('[');
		if (open < 0) {
			return List.of(key);
		}
		List<String> segments = new ArrayList<>();
		segments.add(key.substring(0, open));
		int at = open;
		while (at < key.length()) {
			int close = key.indexOf(']', at);
			if (key.charAt(at) != '[' || close < 0) {
				throw StripeApiException.badRequest("Invalid parameter name: " + key, key);
			}
			segments.add(key.substring(at + 1, close));
			at = close + 1;
		}
		return segments;
	}

	@SuppressWarnings("unchecked")
	private static void put(Map<String, Object> node, List<String> segments, int index, String value, String key) {
		String segment = segments.get(index);
		if (segment.isEmpty()) {
			// "expand[]=a&expand[]=b": each value appends to the array.
			segment = Integer.toString(node.size());
		}
		if (index == segments.size() - 1) {
			if (node.get(segment) instanceof Map) {
				throw StripeApiException.badRequest("Invalid hash", key);
			}
			node.put(segment, value);
			return;
		}
		Object child = node.computeIfAbsent(segment, (name) -> new LinkedHashMap<String, Object>());
		if (!(child instanceof Map)) {
			throw StripeApiException.badRequest("Invalid hash", key);
		}
		put((Map<String, Object>) child, segments, index + 1, value, key);
	}

	/**
	 * The full path of a parameter below this one, in bracket notation.
	 * @param name the child's name
	 * @return for example {@code line_items[0][quantity]}
	 */
	public String param(String name) {
		return this.path.isEmpty() ? name : this.path + "[" + name + "]";
	}

	/**
	 * Whether the parameter was sent.
	 * @param name the child's name
	 * @return {@code true} when present
	 */
	public boolean has(String name) {
		return this.values.containsKey(name);
	}

	/**
	 * Rejects any parameter not in the allowed set, like Stripe.
	 * @param allowed the names this object accepts
	 * @throws StripeApiException {@code Received unknown parameter: …}
	 */
	public void rejectUnknown(Set<String> allowed) {
		for (String name : new TreeSet<>(this.values.keySet())) {
			if (!allowed.contains(name)) {
				throw StripeApiException.invalidParameter("parameter_unknown",
						"Received unknown parameter: " + param(name), param(name));
			}
		}
	}

	/**
	 * A string parameter.
	 * @param name the child's name
	 * @return the value, empty when absent
	 */
	public Optional<String> string(String name) {
		Object value = this.values.get(name);
		if (value instanceof Map) {
			throw StripeApiException.badRequest("Invalid string: " + param(name) + " must be a string, not a hash",
					param(name));
		}
		return Optional.ofNullable((String) value);
	}

	/**
	 * A required, non-empty string parameter.
	 * @param name the child's name
	 * @return the value
	 * @throws StripeApiException {@code Missing required param: …}
	 */
	public String requiredString(String name) {
		return string(name).filter((value) -> !value.isEmpty()).orElseThrow(() -> missing(name));
	}

	/**
	 * An integer parameter.
	 * @param name the child's name
	 * @return the value, empty when absent
	 * @throws StripeApiException {@code Invalid integer: …}
	 */
	public Optional<Long> integer(String name) {
		return string(name).map((value) -> {
			try {
				return Long.parseLong(value);
			}
			catch (NumberFormatException ex) {
				throw StripeApiException.invalidParameter("parameter_invalid_integer", "Invalid integer: " + value,
						param(name));
			}
		});
	}

	/**
	 * An integer parameter with a lower bound.
	 * @param name the child's name
	 * @param min the smallest allowed value
	 * @return the value, empty when absent
	 */
	public Optional<Long> integer(String name, long min) {
		Optional<Long> value = integer(name);
		if (value.isPresent() && value.get() < min) {
			throw StripeApiException.badRequest("This value must be greater than or equal to " + min + ".",
					param(name));
		}
		return value;
	}

	/**
	 * A hash parameter.
	 * @param name the child's name
	 * @return the nested parameters, empty when absent
	 * @throws StripeApiException {@code Invalid hash} when it is a plain value
	 */
	@SuppressWarnings("unchecked")
	public Optional<FormParams> hash(String name) {
		Object value = this.values.get(name);
		if (value == null) {
			return Optional.empty();
		}
		if (!(value instanceof Map)) {
			throw StripeApiException.badRequest("Invalid hash", param(name));
		}
		return Optional.of(new FormParams(param(name), (Map<String, Object>) value));
	}

	/**
	 * An array of hashes, {@code name[0][…]}, {@code name[1][…]}, in index order.
	 * @param name the child's name
	 * @return the elements, empty when absent
	 */
	public List<FormParams> hashes(String name) {
		List<FormParams> hashes = new ArrayList<>();
		hash(name).ifPresent((array) -> {
			for (String index : array.indices()) {
				hashes.add(array.hash(index).orElseThrow());
			}
		});
		return hashes;
	}

	/**
	 * An array of strings, {@code name[]} or {@code name[0]}, in index order.
	 * @param name the child's name
	 * @return the values, empty when absent
	 */
	public List<String> strings(String name) {
		Object value = this.values.get(name);
		if (value == null) {
			return List.of();
		}
		if (value instanceof String single) {
			throw StripeApiException.badRequest("Invalid array", param(name));
		}
		FormParams array = hash(name).orElseThrow();
		List<String> strings = new ArrayList<>();
		for (String index : array.indices()) {
			strings.add(array.string(index).orElseThrow());
		}
		return strings;
	}

	/**
	 * A {@code metadata} hash with Stripe's limits: at most 50 keys, keys up to 40
	 * characters, values up to 500. Empty values are dropped, as Stripe does.
	 * @param name the child's name
	 * @return the metadata, empty when absent
	 */
	public Map<String, String> metadata(String name) {
		Optional<FormParams> hash = hash(name);
		if (hash.isEmpty()) {
			return Map.of();
		}
		Map<String, String> metadata = new LinkedHashMap<>();
		for (String key : hash.get().values.keySet()) {
			String value = hash.get().string(key).orElseThrow();
			if (key.length() > 40) {
				throw StripeApiException.badRequest(
						"Invalid metadata: keys can be at most 40 characters long, '" + key + "' is longer",
						param(name));
			}
			if (value.length() > 500) {
				throw StripeApiException
					.badRequest("Invalid metadata: values can be at most 500 characters long, the one for '" + key
							+ "' is longer", hash.get().param(key));
			}
			if (!value.isEmpty()) {
				metadata.put(key, value);
			}
		}
		if (metadata.size() > 50) {
			throw StripeApiException.badRequest(
					"Invalid metadata: metadata can have up to 50 keys, but " + metadata.size() + " were given",
					param(name));
		}
		return Collections.unmodifiableMap(metadata);
	}

	/**
	 * The {@code expand[]} parameter.
	 * @param expandable the paths this object can expand
	 * @return the requested expansions
	 * @throws StripeApiException for a path that cannot be expanded
	 */
	public Set<String> expand(Set<String> expandable) {
		Set<String> expand = new TreeSet<>(strings("expand"));
		for (String path : expand) {
			if (!expandable.contains(path)) {
				throw StripeApiException.badRequest("This property cannot be expanded (" + path + ").", "expand");
			}
		}
		return expand;
	}

	private List<String> indices() {
		List<String> indices = new ArrayList<>(this.values.keySet());
		for (String index : indices) {
			if (index.isEmpty() || index.length() > 9 || !index.chars().allMatch(Character::isDigit)) {
				throw StripeApiException.badRequest("Invalid array", this.path);
			}
		}
		indices.sort(Comparator.comparingLong(Long::parseLong));
		return indices;
	}

	/**
	 * Stripe's error for an absent required parameter.
	 * @param name the child's name
	 * @return the exception to throw
	 */
	public StripeApiException missing(String name) {
		return StripeApiException.invalidParameter("parameter_missing", "Missing required param: " + param(name) + ".",
				param(name));
	}

}
