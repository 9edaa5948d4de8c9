package com.littlethreads.gateway;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In compose, services find each other by name, so the docker profile must point the
 * routes at those names when no address is given.
 */
@SpringBootTest
@ActiveProfiles("docker")
class DockerProfileTests {

	@Autowired
	RouteLocator routes;

	@Autowired
	LoadBalancerClientFactory loadBalancers;

	@ParameterizedTest
	@CsvSource({ "catalog, catalog-service, http://catalog-service:8082",
			"users, user-service, http://user-service:8081", "checkout, payment-service, http://payment-service:8083",
			"payments, payment-service, http://payment-service:8083" })
	void routeReachesTheComposeServiceByName(String routeId, String serviceId, URI instance) {
		Route route = this.routes.getRoutes().filter((candidate) -> candidate.getId().equals(routeId)).blockFirst();
		assertThat(route).isNotNull();
		assertThat(route.getUri()).isEqualTo(URI.create("lb://" + serviceId));

		List<ServiceInstance> instances = this.loadBalancers.getInstance(serviceId, ServiceInstanceListSupplier.class)
			.get()
			.blockFirst();
		assertThat(instances).singleElement().satisfies((only) -> assertThat(only.getUri()).isEqualTo(instance));
	}

}
