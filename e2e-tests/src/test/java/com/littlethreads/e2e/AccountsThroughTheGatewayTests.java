package com.littlethreads.e2e;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.littlethreads.e2e.ShopClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts on the shop the run command starts: sign-up and sign-in through the gateway,
 * and the tokens user-service signs checked by another service.
 */
@ExtendWith(SharedShop.class)
class AccountsThroughTheGatewayTests {

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\":\"([^\"]+)\"");

	private final ShopClient client = new ShopClient();

	@Test
	void shopperSignsUpAndInThroughTheGatewayAndTheCatalogChecksTheirRealToken(RunningShop shop) throws Exception {
		String gateway = shop.gateway();
		String email = "shopper-" + UUID.randomUUID() + "@example.com";
		String password = "velvet pickle harbour 93";

		Response registered = this.client.postJson(gateway + "/api/auth/register",
				"{\"email\":\"%s\",\"displayName\":\"Ada\",\"password\":\"%s\"}".formatted(email, password));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		Response signedIn = this.client.postJson(gateway + "/api/auth/login",
				"{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password));
		assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
		assertThat(signedIn.all("Set-Cookie")).anySatisfy((cookie) -> assertThat(cookie).startsWith("lt_refresh=")
			.contains("Path=/api/auth")
			.contains("HttpOnly"));
		Matcher token = ACCESS_TOKEN.matcher(signedIn.body());
		assertThat(token.find()).as(signedIn.body()).isTrue();
		String accessToken = token.group(1);

		Response me = this.client.get(gateway + "/api/users/me", "Authorization", "Bearer " + accessToken);
		assertThat(me.status()).as(me.body()).isEqualTo(200);
		assertThat(me.body()).contains("\"email\":\"" + email + "\"");

		Response asCustomer = this.client.get(gateway + "/api/catalog/admin/products", "Authorization",
				"Bearer " + accessToken);
		assertThat(asCustomer.status()).as("a valid shopper's token lacks the ADMIN role: %s", asCustomer.body())
			.isEqualTo(403);
		Response forged = this.client.get(gateway + "/api/catalog/admin/products", "Authorization",
				"Bearer not-a-token-at-all");
		assertThat(forged.status()).as(forged.body()).isEqualTo(401);

		Response adminSignedIn = this.client.postJson(gateway + "/api/auth/login",
				"{\"email\":\"admin@littlethreads.local\",\"password\":\"%s\"}".formatted(shop.adminPassword()));
		assertThat(adminSignedIn.status()).as("the printed admin sign-in works: %s", adminSignedIn.body())
			.isEqualTo(200);
		Matcher adminToken = ACCESS_TOKEN.matcher(adminSignedIn.body());
		assertThat(adminToken.find()).isTrue();
		Response asAdmin = this.client.get(gateway + "/api/catalog/admin/products", "Authorization",
				"Bearer " + adminToken.group(1));
		assertThat(asAdmin.status()).as("catalog-service trusts user-service's admin token: %s", asAdmin.body())
			.isEqualTo(200);
	}

}
