package com.littlethreads.platform.input;

import java.util.List;

import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import com.littlethreads.platform.problem.InvalidField;
import com.littlethreads.platform.core.problem.ProblemType;
import com.littlethreads.platform.problem.Problems;

/**
 * The {@code invalid-parameter} problems for parameters that carry
 * {@link ForbiddenCharacters}.
 */
final class ParameterProblems {

	static final String RULE = "must not contain control characters or bidirectional formatting characters";

	private ParameterProblems() {
	}

	static boolean forbidden(String text) {
		return text != null && ForbiddenCharacters.in(text, false);
	}

	static ErrorResponseException forbiddenValue(String name) {
		return invalid("Parameter '%s' %s.".formatted(printable(name), RULE), printable(name));
	}

	static ErrorResponseException tooLong(String name, int maxLength) {
		String rule = "must be at most %d characters long".formatted(maxLength);
		ProblemDetail problem = Problems.of(ProblemType.INVALID_PARAMETER,
				"Parameter '%s' %s.".formatted(printable(name), rule));
		problem.setProperty(Problems.ERRORS, List.of(new InvalidField(printable(name), rule)));
		return Problems.exception(problem);
	}

	static ErrorResponseException forbiddenName(String name) {
		return invalid("A parameter name %s.".formatted(RULE), printable(name));
	}

	private static ErrorResponseException invalid(String detail, String field) {
		ProblemDetail problem = Problems.of(ProblemType.INVALID_PARAMETER, detail);
		problem.setProperty(Problems.ERRORS, List.of(new InvalidField(field, RULE)));
		return Problems.exception(problem);
	}

	// A name holding forbidden characters is shown with them escaped, never echoed.
	private static String printable(String name) {
		StringBuilder printable = new StringBuilder();
		name.codePoints()
			.forEach((c) -> printable
				.append(forbidden(Character.toString(c)) ? "\\u%04X".formatted(c) : Character.toString(c)));
		return printable.toString();
	}

}
