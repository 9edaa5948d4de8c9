package com.littlethreads.payment.reconciliation;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

import com.littlethreads.payment.PaymentApplication;
import com.littlethreads.payment.PaymentHttpTest;
import com.littlethreads.payment.PaymentServiceTest;
import com.littlethreads.payment.order.OrderStatus;
import com.littlethreads.platform.devstore.EmbeddedMongoServer;
import com.littlethreads.platform.test.MutableClock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two payment-service instances on one store, both ticking: the reconciliation runs on
 * one of them per interval, so Stripe is asked about a stale order once per interval, not
 * once per instance. Stripe fails here, so the order is still to reconcile when the
 * second instance ticks: only the lock keeps it from asking again.
 */
@Tag("slow") // two application contexts sharing one store
@PaymentServiceTest
@TestPropertySource(properties = { "payment.reconciliation-enabled=true", "payment.reconciliation-interval=5m" })
class ReconciliationLockTests extends PaymentHttpTest {

	@Autowired
	ReconciliationSchedule schedule;

	@Autowired
	EmbeddedMongoServer store;

	private ConfigurableApplicationContext secondInstance;

	@BeforeEach
	void secondInstanceOnTheSameStore() {
		this.secondInstance = new SpringApplicationBuilder(PaymentApplication.class, PaymentServiceTest.TestClock.class)
			.run("--server.port=0", "--spring.mongodb.uri=" + this.store.connectionString().getConnectionString(),
					"--stripe.secret-key=" + STRIPE_KEY, "--stripe.webhook-secret=" + WEBHOOK_SECRET,
					"--stripe.api-base=" + wiremock.baseUrl(), "--payment.catalog-uris=" + wiremock.baseUrl(),
					"--payment.user-uris=" + wiremock.baseUrl(), "--payment.client-secret=" + CLIENT_SECRET,
					"--payment.reconciliation-interval=5m");
	}

	@AfterEach
	void stopSecondInstance() {
		this.secondInstance.close();
		this.mongo.remove(new Query(), "shedLock");
	}

	@Test
	void twoInstancesTickingInOneIntervalAskStripeAboutAStaleOrderOnce() {
		String orderId = placeGuestOrder().json().get("orderId").asString();
		wiremock.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/cs_test_1")).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"Try again later.\"}}")));
		this.clock.advance(minutes(32));
		this.secondInstance.getBean(MutableClock.class).advance(minutes(32));

		this.schedule.run();
		this.secondInstance.getBean(ReconciliationSchedule.class).run();

		wiremock.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v1/checkout/sessions/cs_test_1")));
		assertThat(order(orderId).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
	}

}
