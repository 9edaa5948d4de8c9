package com.littlethreads.gateway;

import java.net.URI;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
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

	@Test
	void catalogRouteUsesTheComposeServiceName() {
		Route catalog = this.routes.getRoutes().filter((route) -> route.getId().equals("catalog")).blockFirst();

		assertThat(catalog).isNotNull();
		assertThat(catalog.getUri()).isEqualTo(URI.create("http://catalog-service:8082"));
	}

	@Test
	void userRouteUsesTheComposeServiceName() {
		Route users = this.routes.getRoutes().filter((route) -> route.getId().equals("users")).blockFirst();

		assertThat(users).isNotNull();
		assertThat(users.getUri()).isEqualTo(URI.create("http://user-service:8081"));
	}

}
