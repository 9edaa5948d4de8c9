package com.littlethreads.payment;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.support.HttpRequestWrapper;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * HTTP clients for the other Little Threads services, all with connect and read timeouts
 * so that a slow service answers a checkout with a 503 instead of holding it open.
 */
public final class ServiceClients {

	private ServiceClients() {
	}

	/**
	 * A client builder for one service.
	 * @param builder Boot's builder (observability, message converters), left as it is
	 * @param instances the base URI of each of the service's instances (one where a
	 * single URI stands for all of them, such as a Kubernetes Service)
	 * @param properties the timeouts
	 * @return a builder of its own
	 */
	public static RestClient.Builder builder(RestClient.Builder builder, List<URI> instances,
			PaymentProperties properties) {
		Assert.notEmpty(instances, "A service needs at least one instance");
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.connectTimeout())
			.build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
		factory.setReadTimeout(properties.readTimeout());
		RestClient.Builder client = builder.clone().baseUrl(instances.get(0).toString()).requestFactory(factory);
		if (instances.size() > 1) {
			client.requestInterceptor(new Instances(instances));
		}
		return client;
	}

	/**
	 * Spreads requests over a service's instances in turn, and sends a request whose
	 * connection was refused (or never made in the connect timeout) to the next one: the
	 * request never arrived, so even a write is safe to send again. Any later failure is
	 * the caller's, as with one instance, since the write may already have happened.
	 * <p>
	 * Not Spring Cloud LoadBalancer: its blocking client retries only through Spring
	 * Retry, which Boot 4 no longer manages, and when told to retry writes it repeats
	 * them after any I/O failure, not only a refused connection.
	 */
	static final class Instances implements ClientHttpRequestInterceptor {

		private final List<URI> instances;

		private final AtomicInteger next = new AtomicInteger();

		Instances(List<URI> instances) {
			this.instances = List.copyOf(instances);
		}

		@Override
		public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
				throws IOException {
			int first = Math.floorMod(this.next.getAndIncrement(), this.instances.size());
			IOException refused = null;
			for (int i = 0; i < this.instances.size(); i++) {
				URI instance = this.instances.get((first + i) % this.instances.size());
				try {
					return execution.execute(at(request, instance), body);
				}
				catch (ConnectException | HttpConnectTimeoutException ex) {
					refused = ex;
				}
			}
			throw refused;
		}

		private static HttpRequest at(HttpRequest request, URI instance) {
			URI uri = UriComponentsBuilder.fromUri(request.getURI())
				.scheme(instance.getScheme())
				.host(instance.getHost())
				.port(instance.getPort())
				.build(true)
				.toUri();
			return new HttpRequestWrapper(request) {

				@Override
				public URI getURI() {
					return uri;
				}

			};
		}

	}

}
