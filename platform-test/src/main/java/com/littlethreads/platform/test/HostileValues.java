package com.littlethreads.platform.test;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The fixed corpus of hostile values {@link HostileInputs} sends. Fixed rather than
 * random, so that every run sends the same requests and a failure reproduces.
 * <p>
 * Each value has a short class name (used in reports), a text form for path, query,
 * header, cookie and form values, and a JSON form for body fields. Classes:
 * <ul>
 * <li>control characters: NUL, other C0 (ESC, a terminal escape), DEL, C1, CR LF header
 * injection;</li>
 * <li>Unicode tricks: a bidi override (U+202E), bidi isolates (U+2066/U+2069), a lone
 * surrogate (JSON only: it has no UTF-8 form), ordinary non-ASCII (accents, an
 * emoji);</li>
 * <li>template and injection strings: a URI template {@code {x}}, {@code ${jndi:...}},
 * printf's {@code %s%n}, a query parameter smuggled in a value ({@code A&sku=B}), path
 * traversal, an unbalanced regular expression, a quote for string-built queries,
 * markup;</li>
 * <li>size: empty, blank, 200 characters (within most length limits, beyond what bcrypt
 * hashes), 100 KB, and (JSON) a 10,000-element array;</li>
 * <li>numbers: zero, negative, a fraction, {@code 1e400}, {@code Long.MAX_VALUE + 1},
 * {@code Long.MIN_VALUE - 1}, {@code Integer.MAX_VALUE + 1}, 400 digits, a number as a
 * string;</li>
 * <li>wrong JSON types: a number, a boolean, {@code null}, an empty object, an empty
 * array, a one-element array, MongoDB operator objects ({@code $gt}, {@code $where},
 * {@code $regex}).</li>
 * </ul>
 * Whole-body values (invalid JSON, duplicate keys, unknown fields, wrong content types),
 * encoded path tricks and tokens are built by {@link HostileInputs} around the
 * operation's own request.
 */
public final class HostileValues {

	static final String HUNDRED_KB = "a".repeat(100 * 1024);

	static final String FOUR_HUNDRED_DIGITS = "9".repeat(400);

	/**
	 * Values for every place: JSON strings in bodies, text everywhere else.
	 */
	static final List<Value> STRINGS = List.of(Value.string("nul", "a\u0000b", true),
			Value.string("control-c0", "a\u0001\u001b[31mb", true), Value.string("del", "a\u007fb", true),
			Value.string("control-c1", "a\u0085\u009bb", true),
			Value.string("crlf-injection", "a\r\nX-Injected: 1", false).alsoRefusedAsParameter(),
			Value.string("bidi-override", "\u202Egnp.exe", true), Value.string("bidi-isolate", "a\u2066b\u2069c", true),
			Value.string("non-ascii", "Zoë 😀 Ω", false), Value.string("uri-template", "{x}", false),
			Value.string("jndi-template", "${jndi:ldap://127.0.0.1:1/a}", false),
			Value.string("format-string", "%s%n%x%d", false), Value.string("parameter-injection", "A&sku=B#f", false),
			Value.string("path-traversal", "../../../etc/passwd", false), Value.string("regex-meta", "a[(*", false),
			Value.string("quote-injection", "' || '1'=='1", false),
			Value.string("markup", "<script>alert(1)</script>", false), Value.string("empty", "", false),
			Value.string("blank", "   ", false), Value.string("numeric-string", "2", false),
			Value.string("200-chars", "a".repeat(200), false), Value.string("100kb", HUNDRED_KB, false));

	/**
	 * Numbers, as JSON numbers in bodies and as digits elsewhere.
	 */
	static final List<Value> NUMBERS = List.of(Value.number("zero", "0"), Value.number("negative", "-1"),
			Value.number("fraction", "1.5"), Value.number("1e400", "1e400"),
			Value.number("long-max+1", "9223372036854775808"), Value.number("long-min-1", "-9223372036854775809"),
			Value.number("int-max+1", "2147483648"), Value.number("400-digits", FOUR_HUNDRED_DIGITS));

	/**
	 * Values only a JSON body can carry.
	 */
	static final List<Value> JSON_ONLY = List.of(Value.json("lone-surrogate", "\"a\\ud800b\""),
			Value.json("boolean", "true"), Value.json("null", "null"), Value.json("empty-object", "{}"),
			Value.json("empty-array", "[]"), Value.json("one-element-array", "[\"a\"]"),
			Value.json("operator-gt", "{\"$gt\": \"\"}"),
			Value.json("operator-where", "{\"$where\": \"sleep(1000) || true\"}"),
			Value.json("operator-regex", "{\"$regex\": \".*\"}"), Value.json("10k-array",
					"[" + IntStream.range(0, 10_000).mapToObj((i) -> "\"a\"").collect(Collectors.joining(",")) + "]"));

	private HostileValues() {
	}

	/**
	 * Values for body fields.
	 * @return strings, numbers and JSON-only values
	 */
	static List<Value> forJson() {
		return concat(STRINGS, NUMBERS, JSON_ONLY);
	}

	/**
	 * Values for path, query, header, cookie and form values.
	 * @return strings and numbers
	 */
	static List<Value> forText() {
		return concat(STRINGS, NUMBERS);
	}

	@SafeVarargs
	private static List<Value> concat(List<Value>... lists) {
		return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
	}

	/**
	 * The JSON string literal for a text, every non-ASCII and control character escaped
	 * (so a lone surrogate survives).
	 * @param text the text
	 * @return the literal, quotes included
	 */
	static String quote(String text) {
		StringBuilder json = new StringBuilder("\"");
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '\\') {
				json.append('\\').append(c);
			}
			else if (c < 0x20 || c >= 0x7f) {
				json.append(String.format("\\u%04x", (int) c));
			}
			else {
				json.append(c);
			}
		}
		return json.append('"').toString();
	}

	/**
	 * One hostile value.
	 *
	 * @param name its class, as reports name it
	 * @param text its form as a path, query, header, cookie or form value, or
	 * {@code null} when it only exists in JSON
	 * @param json its form as a JSON value
	 * @param kind the JSON kind of {@code json}: {@code string}, {@code number},
	 * {@code boolean}, {@code null}, {@code object} or {@code array}
	 * @param refusedInText true if the shared rule refuses it in a JSON string (NUL,
	 * other C0 except TAB, LF and CR, DEL, C1, bidi overrides and isolates)
	 * @param refusedAsParameter true if the shared rule refuses it in a query parameter
	 * (every C0 character as well)
	 */
	record Value(String name, String text, String json, String kind, boolean refusedInText,
			boolean refusedAsParameter) {

		static Value string(String name, String text, boolean refused) {
			return new Value(name, text, quote(text), "string", refused, refused);
		}

		static Value number(String name, String digits) {
			return new Value(name, digits, digits, "number", false, false);
		}

		static Value json(String name, String json) {
			String kind = switch (json.charAt(0)) {
				case '"' -> "string";
				case '{' -> "object";
				case '[' -> "array";
				case 'n' -> "null";
				case 't', 'f' -> "boolean";
				default -> "number";
			};
			return new Value(name, null, json, kind, false, false);
		}

		Value alsoRefusedAsParameter() {
			return new Value(this.name, this.text, this.json, this.kind, this.refusedInText, true);
		}

		boolean integral() {
			return "number".equals(this.kind) && !this.json.contains(".") && !this.json.contains("e");
		}

	}

}
