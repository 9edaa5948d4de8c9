package com.littlethreads.gateway.upstream;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * Where each service runs: every instance of it, as a base URI. Routes name a service
 * ({@code lb://catalog-service}) and the load balancer picks one of its instances per
 * request, so a second instance is a configuration change, not a code change. Host names
 * are resolved when the gateway connects, so DNS names (compose, Kubernetes) work.
 *
 * @param userUris user-service's instances ({@code USER_URIS}, comma-separated)
 * @param catalogUris catalog-service's instances ({@code CATALOG_URIS})
 * @param paymentUris payment-service's instances ({@code PAYMENT_URIS})
 * @param refusedInstancePause where a service has several instances, how long one that
 * refused a connection gets no requests before its readiness check decides again
 * ({@link ReachableInstances})
 */
@ConfigurationProperties("littlethreads.routes")
public record UpstreamProperties(List<URI> userUris, List<URI> catalogUris, List<URI> paymentUris,
		@DefaultValue("5s") Duration refusedInstancePause) {

	/**
	 * The service ids that routes use after {@code lb://}.
	 */
	public static final String USER_SERVICE = "user-service";

	/**
	 * The catalog's service id.
	 */
	public static final String CATALOG_SERVICE = "catalog-service";

	/**
	 * The payment service's id.
	 */
	public static final String PAYMENT_SERVICE = "payment-service";

	/**
	 * Every service id routes may name.
	 */
	public static final List<String> SERVICES = List.of(USER_SERVICE, CATALOG_SERVICE, PAYMENT_SERVICE);

	public UpstreamProperties {
		userUris = checked("user-uris", userUris);
		catalogUris = checked("catalog-uris", catalogUris);
		paymentUris = checked("payment-uris", paymentUris);
		Assert.isTrue(!refusedInstancePause.isNegative() && !refusedInstancePause.isZero(),
				"littlethreads.routes.refused-instance-pause must be positive");
	}

	/**
	 * The instances of a service.
	 * @param serviceId the id a route names after {@code lb://}
	 * @return its instances' base URIs
	 * @throws IllegalArgumentException for a service the gateway does not know
	 */
	public List<URI> instancesOf(String serviceId) {
		List<URI> instances = Map
			.of(USER_SERVICE, this.userUris, CATALOG_SERVICE, this.catalogUris, PAYMENT_SERVICE, this.paymentUris)
			.get(serviceId);
		Assert.isTrue(instances != null, () -> "No instances are configured for service '" + serviceId + "'");
		return instances;
	}

	private static List<URI> checked(String name, List<URI> uris) {
		// A route with no instance would answer every request 503: fail at startup
		// instead.
		Assert.isTrue(uris != null && !uris.isEmpty(), () -> "littlethreads.routes." + name + " lists no instance");
		for (URI uri : uris) {
			Assert.isTrue(("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null,
					() -> "littlethreads.routes." + name + ": '" + uri + "' is not an http(s) base URI");
		}
		return List.copyOf(uris);
	}

}
