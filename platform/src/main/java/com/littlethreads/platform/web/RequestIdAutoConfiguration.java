package com.littlethreads.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Registers the {@link RequestIdFilter} ahead of every other filter (security included)
 * but the one that resolves the client address, so that even a rejected request is logged
 * and answered with its id.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = Type.SERVLET)
public class RequestIdAutoConfiguration {

	/**
	 * Where the request id filter runs: right after the client address is resolved.
	 * Filters that answer a request themselves (limits, rejections) run after it, so
	 * their problems carry the id.
	 */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

	@Bean
	FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
		registration.setOrder(ORDER);
		registration.setName("requestIdFilter");
		return registration;
	}

}
