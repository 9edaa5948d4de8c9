package com.littlethreads.payment;

import java.net.http.HttpClient;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * HTTP clients for the other Little Threads services, all with connect and read timeouts
 * so that a slow service answers a checkout with a 503 instead of holding it open.
 */
public final class ServiceClients {

	private ServiceClients() {
	}

	/**
	 * A client for one service.
	 * @param builder Boot's builder (observability, message converters)
	 * @param baseUri the service's base URI
	 * @param properties the timeouts
	 * @return the client
	 */
	public static RestClient create(RestClient.Builder builder, java.net.URI baseUri, PaymentProperties properties) {
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.connectTimeout())
			.build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
		factory.setReadTimeout(properties.readTimeout());
		return builder.clone().baseUrl(baseUri.toString()).requestFactory(factory).build();
	}

}
