package com.littlethreads.platform.openapi;

import java.security.Principal;

import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.GlobalOperationCustomizer;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.method.HandlerMethod;

/**
 * Marks the operations whose handler reads the caller's identity (a {@link Jwt}, an
 * {@link Authentication}, a {@link Principal} or an {@code @AuthenticationPrincipal}), so
 * that {@link OpenApiContract} can tell an operation open to guests that also serves a
 * signed-in shopper (checkout) from one that ignores any token (sign-in).
 */
class IdentityMarker implements GlobalOperationCustomizer {

	static final String EXTENSION = "x-littlethreads-reads-identity";

	@Override
	public Operation customize(Operation operation, HandlerMethod handlerMethod) {
		for (MethodParameter parameter : handlerMethod.getMethodParameters()) {
			Class<?> type = parameter.getParameterType();
			if (parameter.hasParameterAnnotation(AuthenticationPrincipal.class) || Jwt.class.isAssignableFrom(type)
					|| Authentication.class.isAssignableFrom(type) || Principal.class.isAssignableFrom(type)) {
				operation.addExtension(EXTENSION, Boolean.TRUE);
			}
		}
		return operation;
	}

}
