package com.littlethreads.platform.input;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Refuses path variables that carry {@link ForbiddenCharacters} (an encoded control
 * character in a path segment), or that are longer than
 * {@link RequestLimitProperties#maxParameterLength()}, with 400 {@code invalid-parameter}
 * naming the variable, before the controller runs. Only the handler mapping knows the
 * variables' names, so this is an interceptor where the parameter check is a filter.
 */
class PathVariableTextInterceptor implements HandlerInterceptor {

	private final int maxLength;

	PathVariableTextInterceptor(int maxLength) {
		this.maxLength = maxLength;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
			for (Map.Entry<?, ?> variable : variables.entrySet()) {
				if (variable.getValue() instanceof String value && ParameterProblems.forbidden(value)) {
					throw ParameterProblems.forbiddenValue(String.valueOf(variable.getKey()));
				}
				if (variable.getValue() instanceof String value && value.length() > this.maxLength) {
					throw ParameterProblems.tooLong(String.valueOf(variable.getKey()), this.maxLength);
				}
			}
		}
		return true;
	}

}
