package com.littlethreads.gateway.tracing;

import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TraceContextConfig {

	/**
	 * Without tracing ({@code management.tracing.enabled=false}) there is no propagator,
	 * and the filter passes the headers on as they are.
	 */
	@Bean
	TraceContextHeadersFilter traceContextHeadersFilter(ObjectProvider<Propagator> propagator) {
		return new TraceContextHeadersFilter(propagator.getIfAvailable(() -> Propagator.NOOP));
	}

}
