package com.littlethreads.platform.input;

import java.io.IOException;
import java.util.function.Supplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import com.littlethreads.platform.core.problem.ProblemType;
import com.littlethreads.platform.problem.Problems;

/**
 * Refuses a body whose {@code Content-Type} is a wildcard ({@code *}{@code /*},
 * {@code application/*}) with 415 {@code unsupported-media-type}. A wildcard names no
 * format to read the body in, and Spring fails on it with an assertion halfway through
 * resolving the controller's arguments (a 500) instead of its usual 415. Types Spring can
 * parse or refuses itself are left to it.
 */
class ContentTypeFilter extends OncePerRequestFilter {

	private final Supplier<HandlerExceptionResolver> problems;

	ContentTypeFilter(Supplier<HandlerExceptionResolver> problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isWildcard(request.getContentType())) {
			this.problems.get()
				.resolveException(request, response, null,
						Problems.exception(Problems.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
								"The Content-Type is a wildcard; name the body's type, such as application/json.")));
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isWildcard(String contentType) {
		if (contentType == null) {
			return false;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return type.isWildcardType() || type.isWildcardSubtype();
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}
