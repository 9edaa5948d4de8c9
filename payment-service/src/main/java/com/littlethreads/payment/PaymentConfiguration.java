package com.littlethreads.payment;

import java.time.Clock;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.littlethreads.platform.security.AccessRules;

/**
 * Who may call what, the clock and the OpenAPI description.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentProperties.class)
public class PaymentConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * Checkout is open to guests (a bearer token, if sent, must be valid); Stripe calls
	 * the webhook without a token (its signature is checked instead); one order is open
	 * to its guest's order token, so access to it is decided in code; listing one's own
	 * orders needs a token; the admin API needs role ADMIN. Paths are open to every
	 * method so that a wrong method gets an honest 405.
	 */
	@Bean
	AccessRules paymentAccessRules() {
		return (requests) -> requests.requestMatchers("/api/orders/admin/**")
			.hasRole("ADMIN")
			.requestMatchers("/api/checkout", "/api/payments/stripe/webhook", "/api/orders/*", "/api/orders/*/cancel")
			.permitAll();
	}

	@Bean
	OpenAPI paymentOpenApi(PaymentProperties properties) {
		return new OpenAPI().info(new Info().title("Little Threads payment API").version("v1").description("""
				Checkout, orders and Stripe payments.

				**Checkout** `POST /api/checkout` with an `Idempotency-Key` header (8..255 visible ASCII \
				characters) and `{lines: [{sku, quantity}], email, shippingAddress | shippingAddressId}` \
				answers 201 `{orderId, checkoutUrl, orderToken}`; send the shopper to `checkoutUrl`. Guests get an \
				`orderToken` once: keep it (the storefront uses `localStorage` key `lt.orderToken.<orderId>`) and \
				send it as `X-Order-Token` to read or cancel the order.

				**Orders** move PENDING_PAYMENT → PAID → PARTIALLY_REFUNDED / REFUNDED, or from PENDING_PAYMENT to \
				PAYMENT_FAILED, EXPIRED or CANCELLED; never backwards, except that a refund Stripe reports failed \
				gives its amount back (REFUNDED → PARTIALLY_REFUNDED or PAID). The refund statuses count refunds \
				Stripe reports succeeded. Money is `{amount, currency}` with the amount in minor units.

				Errors are `application/problem+json` (RFC 9457) with a stable `type`, a `title`, a `detail` and \
				the `requestId`; checkout problems name the offending lines by index and SKU."""))
			.addServersItem(new Server().url(properties.publicUrl().toString()).description("through the gateway"))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.bearerFormat("JWT")
						.description("An access token from user-service; optional for checkout, "
								+ "role ADMIN for the admin API.")));
	}

}
