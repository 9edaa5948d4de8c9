package com.littlethreads.platform.problem;

/**
 * An exception raised while reading a request body because a field broke a rule, such as
 * text carrying control characters. The exception handler answers it with a
 * {@code malformed-body} problem that names the field and quotes {@link #rule()}.
 */
public interface FieldRuleViolation {

	/**
	 * The rule the field broke, in words a client can read, to follow the field's name.
	 * @return for example {@code must not contain control characters}
	 */
	String rule();

}
