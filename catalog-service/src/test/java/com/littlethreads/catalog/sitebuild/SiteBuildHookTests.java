package com.littlethreads.catalog.sitebuild;

import java.time.Duration;
import java.time.Instant;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.littlethreads.catalog.CatalogServiceTest;
import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.platform.test.TestJwts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.littlethreads.catalog.product.ProductJson.aProduct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The site's build hook, stubbed with WireMock: called once after a burst of product
 * changes, never for stock.
 */
@Tag("slow") // waits out the hook's quiet period, several times
@CatalogServiceTest
@DirtiesContext // its products must not show up in other classes' listings
class SiteBuildHookTests extends ServiceHttpTest {

	private static final String HOOK = "/build_hooks/little-threads";

	private static final WireMockServer SITE_HOST = startSiteHost();

	@Autowired
	SiteBuildHook hook;

	@DynamicPropertySource
	static void buildHook(DynamicPropertyRegistry registry) {
		registry.add("catalog.build-hook.url", () -> SITE_HOST.baseUrl() + HOOK);
		registry.add("catalog.build-hook.debounce", () -> "3s");
	}

	@AfterAll
	static void stopSiteHost() {
		SITE_HOST.stop();
	}

	@BeforeEach
	void quiet() {
		await().atMost(Duration.ofSeconds(20)).until(() -> !this.hook.pending());
		SITE_HOST.resetRequests();
		SITE_HOST.resetMappings();
		SITE_HOST.stubFor(post(HOOK).willReturn(aResponse().withStatus(200)));
	}

	@Test
	void severalChangesInTheQuietPeriodCallTheHookOnce() {
		String slug = "hook-tee-" + Instant.now().toEpochMilli();
		admin("POST", "/api/catalog/admin/products",
				aProduct(slug).withVariant("LT-HOOK-" + Math.abs(slug.hashCode() % 100000) + "-4T", "4T", "red", 5)
					.build());
		admin("POST", "/api/catalog/admin/products/" + slug + "/variants", "{\"sku\":\"LT-HOOK-"
				+ Math.abs(slug.hashCode() % 100000) + "-5Y\",\"size\":\"5Y\",\"colour\":\"red\",\"stock\":2}");
		admin("POST", "/api/catalog/admin/products/" + slug + "/archive", null);
		assertThat(this.hook.pending()).isTrue();
		assertThat(SITE_HOST.countRequestsMatching(postRequestedFor(urlEqualTo(HOOK)).build()).getCount()).isZero();

		await().atMost(Duration.ofSeconds(30)).until(() -> !this.hook.pending());

		SITE_HOST.verify(1, postRequestedFor(urlEqualTo(HOOK)));
	}

	@Test
	void stockChangesNeverCallTheHook() {
		String slug = "hook-stock-tee-" + Instant.now().toEpochMilli();
		String sku = "LT-HOOKS-" + Math.abs(slug.hashCode() % 100000) + "-4T";
		admin("POST", "/api/catalog/admin/products", aProduct(slug).withVariant(sku, "4T", "red", 5).build());
		await().atMost(Duration.ofSeconds(30)).until(() -> !this.hook.pending());
		SITE_HOST.resetRequests();

		Response restocked = admin("POST", "/api/catalog/admin/products/" + slug + "/variants/" + sku + "/restock",
				"{\"quantity\": 3}");
		Response reserved = this.http.send("POST", "/internal/inventory/reservations",
				"{\"orderId\":\"ord_hook_" + Math.abs(slug.hashCode() % 100000) + "\",\"lines\":[{\"sku\":\"" + sku
						+ "\",\"quantity\":1}],\"expiresAt\":\"" + Instant.now().plus(Duration.ofHours(1)) + "\"}",
				"Authorization", "Bearer " + TestJwts.serviceToken("payment-service", "inventory:reserve"),
				"Content-Type", "application/json");

		assertThat(restocked.status()).as(restocked.body()).isEqualTo(200);
		assertThat(reserved.status()).as(reserved.body()).isEqualTo(201);
		assertThat(this.hook.pending()).isFalse();
		SITE_HOST.verify(0, postRequestedFor(urlEqualTo(HOOK)));
	}

	@Test
	void aFailedCallIsMadeAgainOnTheNextChange() {
		SITE_HOST.stubFor(post(HOOK).willReturn(aResponse().withStatus(503)));
		String slug = "hook-retry-tee-" + Instant.now().toEpochMilli();
		admin("POST", "/api/catalog/admin/products",
				aProduct(slug).withVariant("LT-HOOKR-" + Math.abs(slug.hashCode() % 100000) + "-4T", "4T", "red", 5)
					.build());
		await().atMost(Duration.ofSeconds(30)).until(() -> !this.hook.pending());
		SITE_HOST.verify(1, postRequestedFor(urlEqualTo(HOOK)));
		SITE_HOST.stubFor(post(HOOK).willReturn(aResponse().withStatus(200)));

		admin("POST", "/api/catalog/admin/products/" + slug + "/archive", null);
		await().atMost(Duration.ofSeconds(30)).until(() -> !this.hook.pending());

		SITE_HOST.verify(2, postRequestedFor(urlEqualTo(HOOK)));
	}

	private Response admin(String method, String path, String body) {
		String token = "Bearer " + TestJwts.token("admin-1", "ADMIN");
		Response response = (body != null)
				? this.http.send(method, path, body, "Authorization", token, "Content-Type", "application/json")
				: this.http.send(method, path, null, "Authorization", token);
		assertThat(response.status()).as(response.body()).isBetween(200, 201);
		return response;
	}

	private static WireMockServer startSiteHost() {
		WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		server.start();
		return server;
	}

}
