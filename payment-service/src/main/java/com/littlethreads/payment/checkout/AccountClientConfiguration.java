package com.littlethreads.payment.checkout;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

import com.littlethreads.payment.PaymentProperties;
import com.littlethreads.payment.ServiceClients;
import com.littlethreads.platform.core.problem.ProblemType;
import com.littlethreads.platform.problem.Problems;

/**
 * The {@link AccountClient}: every user-service instance with the timeouts of
 * {@link ServiceClients}.
 */
@Configuration(proxyBeanMethods = false)
class AccountClientConfiguration {

	@Bean
	AccountClient accountClient(RestClient.Builder builder, PaymentProperties properties) {
		RestClient users = ServiceClients.builder(builder, properties.userUris(), properties)
			.defaultStatusHandler((status) -> status.isSameCodeAs(HttpStatus.UNAUTHORIZED), (request, response) -> {
				// A token we accept, refused by user-service: the account was deleted.
				throw Problems.exception(Problems.of(ProblemType.UNAUTHORIZED,
						"Your account can no longer be read with this token. Sign in again."));
			})
			.build();
		return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(users))
			.build()
			.createClient(AccountClient.class);
	}

}
