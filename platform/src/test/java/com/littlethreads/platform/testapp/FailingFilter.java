package com.littlethreads.platform.testapp;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Fails outside Spring MVC, where only the error controller can still answer.
 */
@Component
class FailingFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getRequestURI().equals("/probe/filter-failure")) {
			throw new IllegalStateException("secret filter failure detail");
		}
		chain.doFilter(request, response);
	}

}
