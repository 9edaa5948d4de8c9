package com.littlethreads.platform.input;

/**
 * Characters no request text may carry: C0 controls and DEL (NUL ends strings in C and in
 * some drivers; the others corrupt logs, terminals, CSV exports and e-mail headers), C1
 * controls, the bidirectional embedding, override and isolate characters that make text
 * display other than it reads (U+202A to U+202E, U+2066 to U+2069), and unpaired
 * surrogates, which are not text at all and cannot be stored as UTF-8.
 */
final class ForbiddenCharacters {

	private ForbiddenCharacters() {
	}

	/**
	 * Whether the text holds a forbidden character.
	 * @param text the text
	 * @param tabAndLineBreaksAllowed whether TAB, LF and CR are allowed (in JSON string
	 * values, where a description may have lines; never in parameters)
	 * @return whether it does
	 */
	static boolean in(CharSequence text, boolean tabAndLineBreaksAllowed) {
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c < 0x20) {
				if (!tabAndLineBreaksAllowed || (c != '\t' && c != '\n' && c != '\r')) {
					return true;
				}
			}
			else if ((c >= 0x7F && c <= 0x9F) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
				return true;
			}
			else if (Character.isHighSurrogate(c)) {
				if (i + 1 == length || !Character.isLowSurrogate(text.charAt(i + 1))) {
					return true;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c)) {
				return true;
			}
		}
		return false;
	}

}
