package com.littlethreads.platform.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Answers a valid token that lacks the needed role with 403 and a problem+json body.
 */
class ProblemAccessDeniedHandler implements AccessDeniedHandler {

	private final AccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();

	private final HandlerExceptionResolver resolver;

	ProblemAccessDeniedHandler(HandlerExceptionResolver resolver) {
		this.resolver = resolver;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException, ServletException {
		this.bearer.handle(request, response, ex);
		this.resolver.resolveException(request, response, null, ex);
	}

}
