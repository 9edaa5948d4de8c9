package com.littlethreads.gateway.path;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one form of a request path. Percent-encoded unreserved characters (letters, digits,
 * {@code - . _ ~}) are decoded, any other percent-encoding is kept with upper-case hex,
 * and everything else stays as it is. So {@code /%61pi/auth/%6Cogin} becomes
 * {@code /api/auth/login}: the path a service would have matched anyway, now also the one
 * the rate limits match.
 * <p>
 * A path is refused ({@code null}) when a hop further in could read it differently from
 * the gateway:
 * <ul>
 * <li>an encoded {@code /} or {@code \} (one more segment to a service), or an encoded
 * NUL;</li>
 * <li>a {@code .} or {@code ..} segment, raw or encoded (a service would climb out of the
 * route's prefix);</li>
 * <li>an empty segment ({@code //});</li>
 * <li>a raw {@code ;} (path parameters, which routes and services ignore but the limits
 * would see);</li>
 * <li>a {@code %} not followed by two hex digits, bytes that are not UTF-8, control
 * characters (C0, DEL, C1), and raw characters a URI may not hold (a backslash, a space,
 * non-ASCII).</li>
 * </ul>
 */
final class NormalizedPaths {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private NormalizedPaths() {
	}

	/**
	 * The normalised form of a raw (still encoded) path.
	 * @param raw the path as the request line carried it
	 * @return the normalised path, or {@code null} when it cannot be normalised safely
	 */
	static String normalize(String raw) {
		if (raw == null || raw.isEmpty() || raw.charAt(0) != '/') {
			return null;
		}
		StringBuilder path = new StringBuilder(raw.length()).append('/');
		int start = 1;
		while (true) {
			int end = raw.indexOf('/', start);
			boolean last = end < 0;
			if (last) {
				end = raw.length();
			}
			String segment = segment(raw, start, end);
			if (segment == null || (segment.isEmpty() && !last) || segment.equals(".") || segment.equals("..")) {
				return null;
			}
			path.append(segment);
			if (last) {
				return path.toString();
			}
			path.append('/');
			start = end + 1;
		}
	}

	private static String segment(String raw, int start, int end) {
		StringBuilder segment = new StringBuilder(end - start);
		// Only a percent-encoded byte can be outside ASCII (raw non-ASCII is refused), so
		// the bytes are kept, and checked as UTF-8, only for a segment that has one.
		ByteBuffer bytes = null;
		int i = start;
		while (i < end) {
			char c = raw.charAt(i);
			if (c == '%') {
				int high = (i + 2 < end) ? hex(raw.charAt(i + 1)) : -1;
				int low = (high >= 0) ? hex(raw.charAt(i + 2)) : -1;
				if (low < 0) {
					return null;
				}
				int b = high * 16 + low;
				if (b < 0x20 || b == 0x7F || b == '/' || b == '\\') {
					return null;
				}
				if (isUnreserved(b)) {
					segment.append((char) b);
				}
				else {
					segment.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
				}
				if (b >= 0x80 && bytes == null) {
					bytes = ByteBuffer.allocate(end - start);
					bytes.put(raw.substring(start, i).getBytes(StandardCharsets.US_ASCII));
				}
				if (bytes != null) {
					bytes.put((byte) b);
				}
				i += 3;
			}
			else if (isAllowedRaw(c)) {
				segment.append(c);
				if (bytes != null) {
					bytes.put((byte) c);
				}
				i++;
			}
			else {
				return null;
			}
		}
		return (bytes == null || isSafeText(bytes.flip())) ? segment.toString() : null;
	}

	/**
	 * Whether the segment's bytes are UTF-8 without C1 control characters (C0 and DEL
	 * never get this far).
	 */
	private static boolean isSafeText(ByteBuffer bytes) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(bytes)
				.toString();
		}
		catch (CharacterCodingException ex) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= 0x80 && c <= 0x9F) {
				return false;
			}
		}
		return true;
	}

	/**
	 * An ASCII hex digit's value ({@link Character#digit} would also take other scripts'
	 * digits).
	 */
	private static int hex(char c) {
		if (c >= '0' && c <= '9') {
			return c - '0';
		}
		if (c >= 'a' && c <= 'f') {
			return c - 'a' + 10;
		}
		if (c >= 'A' && c <= 'F') {
			return c - 'A' + 10;
		}
		return -1;
	}

	private static boolean isUnreserved(int c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~';
	}

	/**
	 * RFC 3986's pchar without percent-encoding and without {@code ;}.
	 */
	private static boolean isAllowedRaw(char c) {
		return isUnreserved(c) || "!$&'()*+,=:@".indexOf(c) >= 0;
	}

}
