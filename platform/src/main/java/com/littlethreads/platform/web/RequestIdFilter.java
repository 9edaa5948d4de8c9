package com.littlethreads.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

import com.littlethreads.platform.core.requestid.RequestIds;

/**
 * Accepts the caller's {@code X-Request-Id} (or creates one), returns it on the response
 * and puts it in the MDC for as long as the request is handled, error dispatches
 * included.
 */
public class RequestIdFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = RequestIds.of(request::getAttribute);
		if (id == null) {
			id = RequestIds.acceptOrCreate(request.getHeader(RequestIds.HEADER));
			request.setAttribute(RequestIds.ATTRIBUTE, id);
		}
		response.setHeader(RequestIds.HEADER, id);
		MDC.put(RequestIds.MDC_KEY, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(RequestIds.MDC_KEY);
		}
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		// Errors rendered by the error controller are logged and answered under the same
		// id.
		return false;
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

}
