package com.littlethreads.platform.input;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;

import com.littlethreads.platform.problem.FieldRuleViolation;

/**
 * Reads JSON strings as Jackson does, then refuses those that carry
 * {@link ForbiddenCharacters} (TAB, LF and CR are allowed here; single-line fields refuse
 * them with {@link SingleLine}). JSON itself forbids raw control characters in strings,
 * but not escaped ones (a backslash, {@code u} and four hex digits, such as NUL).
 */
class TextDeserializer extends StringDeserializer {

	static final String RULE = "must not contain control characters or bidirectional formatting characters";

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
		String value = super.deserialize(parser, context);
		if (value != null && ForbiddenCharacters.in(value, true)) {
			throw new ForbiddenTextException(parser);
		}
		return value;
	}

	static final class ForbiddenTextException extends MismatchedInputException implements FieldRuleViolation {

		ForbiddenTextException(JsonParser parser) {
			super(parser, "String value " + RULE, String.class);
		}

		@Override
		public String rule() {
			return RULE;
		}

	}

}
