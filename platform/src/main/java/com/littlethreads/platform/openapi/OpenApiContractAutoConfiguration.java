package com.littlethreads.platform.openapi;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.util.unit.DataSize;

import com.littlethreads.platform.input.RequestInputAutoConfiguration;
import com.littlethreads.platform.input.RequestLimitProperties;

/**
 * Every service's OpenAPI document says what the service does: see
 * {@link OpenApiContract} and {@link IdentityMarker}.
 */
@AutoConfiguration(after = RequestInputAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(GlobalOpenApiCustomizer.class)
public class OpenApiContractAutoConfiguration {

	@Bean
	OpenApiContract openApiContract(ObjectProvider<WebInvocationPrivilegeEvaluator> privileges,
			RequestLimitProperties limits, Environment environment) {
		DataSize maxHeaderSize = environment.getProperty("server.max-http-request-header-size", DataSize.class,
				DataSize.ofKilobytes(8));
		return new OpenApiContract(privileges, limits, maxHeaderSize);
	}

	@Bean
	NonBlankFields openApiNonBlankFields() {
		return new NonBlankFields();
	}

	@Bean
	IdentityMarker openApiIdentityMarker() {
		return new IdentityMarker();
	}

}
