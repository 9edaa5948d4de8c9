package com.littlethreads.platform.input;

import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import com.littlethreads.platform.core.problem.ProblemType;
import com.littlethreads.platform.problem.Problems;

/**
 * Refuses query and form parameters whose name or value carries
 * {@link ForbiddenCharacters} (any control character, TAB and line breaks included) with
 * 400 {@code invalid-parameter} naming the parameter, as are values longer than
 * {@link RequestLimitProperties#maxParameterLength()}, before anything reads them: a
 * database query, a log line, another service. Parameters Tomcat cannot parse at all (bad
 * percent-encoding, too many) are answered here too, as a problem rather than a failure
 * in whatever code reads them first.
 */
class ParameterTextFilter extends OncePerRequestFilter {

	private final Supplier<HandlerExceptionResolver> problems;

	private final int maxLength;

	ParameterTextFilter(Supplier<HandlerExceptionResolver> problems, int maxLength) {
		this.problems = problems;
		this.maxLength = maxLength;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ErrorResponseException refusal = check(request, this.maxLength);
		if (refusal != null) {
			this.problems.get().resolveException(request, response, null, refusal);
			return;
		}
		chain.doFilter(request, response);
	}

	private static ErrorResponseException check(HttpServletRequest request, int maxLength) {
		Map<String, String[]> parameters;
		try {
			parameters = request.getParameterMap();
		}
		catch (InvalidParameterException ex) {
			return unreadable(ex.getErrorCode());
		}
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			if (ParameterProblems.forbidden(parameter.getKey())) {
				return ParameterProblems.forbiddenName(parameter.getKey());
			}
			for (String value : parameter.getValue()) {
				if (ParameterProblems.forbidden(value)) {
					return ParameterProblems.forbiddenValue(parameter.getKey());
				}
				if (value != null && value.length() > maxLength) {
					return ParameterProblems.tooLong(parameter.getKey(), maxLength);
				}
			}
		}
		return null;
	}

	private static ErrorResponseException unreadable(int status) {
		if (status == 413) {
			return Problems.exception(Problems.of(ProblemType.PAYLOAD_TOO_LARGE, null));
		}
		return new ErrorResponseException(HttpStatusCode.valueOf(400),
				Problems.of(ProblemType.INVALID_PARAMETER,
						"The request parameters could not be read: a value is not correctly percent-encoded,"
								+ " or there are too many."),
				null);
	}

}
