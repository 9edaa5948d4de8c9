package com.littlethreads.platform.input;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.littlethreads.platform.web.RequestIdAutoConfiguration;

/**
 * One rule for what every service accepts: strict JSON request bodies, text without
 * control characters in bodies and parameters, and a body size limit.
 */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@EnableConfigurationProperties(RequestLimitProperties.class)
public class RequestInputAutoConfiguration {

	/**
	 * Makes the JSON converter that reads request bodies (and writes answers) the strict
	 * one. It runs after Boot's customizers, which install the lenient one; clients
	 * ({@code RestClient}) get theirs from the client-side customizers, untouched, so
	 * reading another service's or Stripe's answers stays tolerant of new fields.
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	@ConditionalOnBean(JsonMapper.class)
	ServerHttpMessageConvertersCustomizer strictJsonRequestBodies(JsonMapper jsonMapper) {
		JacksonJsonHttpMessageConverter strict = new JacksonJsonHttpMessageConverter(StrictJson.strict(jsonMapper));
		return (converters) -> converters.withJsonConverter(strict);
	}

	@Bean
	WebMvcConfigurer pathVariableTextRule(RequestLimitProperties limits) {
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(new PathVariableTextInterceptor(limits.maxParameterLength()))
					.order(Ordered.HIGHEST_PRECEDENCE);
			}

		};
	}

	/**
	 * Parameters are checked before security too, and so before its firewall, which would
	 * otherwise refuse some of them later, halfway through a controller.
	 */
	@Bean
	FilterRegistrationBean<ParameterTextFilter> parameterTextFilter(RequestLimitProperties limits,
			@Qualifier("handlerExceptionResolver") ObjectProvider<HandlerExceptionResolver> resolvers) {
		FilterRegistrationBean<ParameterTextFilter> registration = new FilterRegistrationBean<>(
				new ParameterTextFilter(resolvers::getObject, limits.maxParameterLength()));
		registration.setOrder(RequestIdAutoConfiguration.ORDER + 2);
		registration.setName("parameterTextFilter");
		return registration;
	}

	@Bean
	FilterRegistrationBean<ContentTypeFilter> contentTypeFilter(
			@Qualifier("handlerExceptionResolver") ObjectProvider<HandlerExceptionResolver> resolvers) {
		FilterRegistrationBean<ContentTypeFilter> registration = new FilterRegistrationBean<>(
				new ContentTypeFilter(resolvers::getObject));
		registration.setOrder(RequestIdAutoConfiguration.ORDER + 3);
		registration.setName("contentTypeFilter");
		return registration;
	}

	/**
	 * The body limit runs right after the request id is set, so a refused body is
	 * answered with its id, and before security, so an anonymous caller cannot make a
	 * service read a large body either.
	 */
	@Bean
	FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(RequestLimitProperties properties,
			@Qualifier("handlerExceptionResolver") ObjectProvider<HandlerExceptionResolver> resolvers) {
		FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(
				new BodyLimitFilter(properties, resolvers::getObject));
		registration.setOrder(RequestIdAutoConfiguration.ORDER + 1);
		registration.setName("bodyLimitFilter");
		return registration;
	}

}
