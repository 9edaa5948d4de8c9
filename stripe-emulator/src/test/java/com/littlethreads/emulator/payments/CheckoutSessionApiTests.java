package com.littlethreads.emulator.payments;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Event;
import com.stripe.model.checkout.Session;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionRetrieveParams;
import org.junit.jupiter.api.Test;

import com.littlethreads.emulator.EmulatorIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CheckoutSessionApiTests extends EmulatorIntegrationTest {

	@Test
	void createdSessionRoundTripsThroughStripeJava() throws Exception {
		long expiresAt = this.clock.instant().plus(Duration.ofHours(1)).getEpochSecond();

		Session created = createSession((session) -> session.setExpiresAt(expiresAt));

		assertThat(created.getId()).startsWith("cs_test_");
		assertThat(created.getObject()).isEqualTo("checkout.session");
		assertThat(created.getUrl()).isEqualTo("http://emulator.test/checkout/" + created.getId());
		assertThat(created.getStatus()).isEqualTo("open");
		assertThat(created.getPaymentStatus()).isEqualTo("unpaid");
		assertThat(created.getMode()).isEqualTo("payment");
		assertThat(created.getAmountSubtotal()).isEqualTo(4800L);
		assertThat(created.getAmountTotal()).isEqualTo(4800L);
		assertThat(created.getCurrency()).isEqualTo("gbp");
		assertThat(created.getClientReferenceId()).isEqualTo("ord_1");
		assertThat(created.getCustomerEmail()).isEqualTo("ada@example.com");
		assertThat(created.getMetadata()).containsExactly(Map.entry("order_id", "ord_1"));
		assertThat(created.getSuccessUrl()).isEqualTo(SUCCESS_URL);
		assertThat(created.getCancelUrl()).isEqualTo(CANCEL_URL);
		assertThat(created.getExpiresAt()).isEqualTo(expiresAt);
		assertThat(created.getCreated()).isEqualTo(this.clock.instant().getEpochSecond());
		assertThat(created.getLivemode()).isFalse();
		assertThat(created.getPaymentIntent()).isNull();

		Session retrieved = stripe().v1().checkout().sessions().retrieve(created.getId());

		assertThat(retrieved.getId()).isEqualTo(created.getId());
		assertThat(retrieved.getAmountTotal()).isEqualTo(4800L);
		assertThat(retrieved.getMetadata()).containsEntry("order_id", "ord_1");
		assertThat(retrieved.getExpiresAt()).isEqualTo(expiresAt);
		assertThat(retrieved.getUrl()).isEqualTo(created.getUrl());
	}

	@Test
	void sessionExpiresInADayByDefault() throws Exception {
		Session created = createSession();

		assertThat(created.getExpiresAt()).isEqualTo(this.clock.instant().plus(Duration.ofHours(24)).getEpochSecond());
	}

	@Test
	void expiringAnOpenSessionEndsItAndEmitsExpiredEvent() throws Exception {
		Session created = createSession();

		Session expired = stripe().v1().checkout().sessions().expire(created.getId());

		assertThat(expired.getStatus()).isEqualTo("expired");
		assertThat(expired.getPaymentStatus()).isEqualTo("unpaid");
		assertThat(expired.getUrl()).isNull();
		assertThat(stripe().v1().checkout().sessions().retrieve(created.getId()).getStatus()).isEqualTo("expired");
		Event event = awaitEvent("checkout.session.expired", created.getId());
		Session inEvent = (Session) event.getDataObjectDeserializer().getObject().orElseThrow();
		assertThat(inEvent.getId()).isEqualTo(created.getId());
		assertThat(inEvent.getStatus()).isEqualTo("expired");
		assertThat(inEvent.getMetadata()).containsEntry("order_id", "ord_1");
	}

	@Test
	void expiringASessionTwiceIsRefused() throws Exception {
		Session created = createSession();
		stripe().v1().checkout().sessions().expire(created.getId());

		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> stripe().v1().checkout().sessions().expire(created.getId()))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(400);
				assertThat(ex.getStripeError().getType()).isEqualTo("invalid_request_error");
				assertThat(ex.getMessage()).contains("status of \"expired\"");
			});
	}

	@Test
	void unknownSessionIsResourceMissing() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> stripe().v1().checkout().sessions().retrieve("cs_test_nope"))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(404);
				assertThat(ex.getCode()).isEqualTo("resource_missing");
				assertThat(ex.getParam()).isEqualTo("session");
				assertThat(ex.getMessage()).contains("No such checkout.session: 'cs_test_nope'");
			});
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> stripe().v1().checkout().sessions().expire("cs_test_nope"))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(404));
	}

	@Test
	void paymentModeWithoutLineItemsIsRefused() {
		SessionCreateParams params = SessionCreateParams.builder()
			.setMode(SessionCreateParams.Mode.PAYMENT)
			.setSuccessUrl(SUCCESS_URL)
			.build();

		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> stripe().v1().checkout().sessions().create(params))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(400);
				assertThat(ex.getParam()).isEqualTo("line_items");
			});
	}

	@Test
	void lineWithoutQuantityNamesTheNestedParam() {
		SessionCreateParams params = aSession()
			.addLineItem(SessionCreateParams.LineItem.builder()
				.setPriceData(SessionCreateParams.LineItem.PriceData.builder()
					.setCurrency("gbp")
					.setUnitAmount(500L)
					.setProductData(
							SessionCreateParams.LineItem.PriceData.ProductData.builder().setName("Socks").build())
					.build())
				.build())
			.build();

		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> stripe().v1().checkout().sessions().create(params))
			.satisfies((ex) -> {
				assertThat(ex.getParam()).isEqualTo("line_items[2][quantity]");
				assertThat(ex.getMessage()).contains("Missing required param: line_items[2][quantity].");
			});
	}

	@Test
	void expiryLessThanHalfAnHourAheadIsRefused() {
		long tooSoon = this.clock.instant().plus(Duration.ofMinutes(29)).getEpochSecond();

		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> createSession((session) -> session.setExpiresAt(tooSoon)))
			.satisfies((ex) -> {
				assertThat(ex.getParam()).isEqualTo("expires_at");
				assertThat(ex.getMessage()).contains("at least 30 minutes");
			});
	}

	@Test
	void expiryMoreThanADayAheadIsRefused() {
		long tooLate = this.clock.instant().plus(Duration.ofHours(24)).plusSeconds(2).getEpochSecond();

		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> createSession((session) -> session.setExpiresAt(tooLate)))
			.satisfies((ex) -> assertThat(ex.getParam()).isEqualTo("expires_at"));
	}

	@Test
	void expiryExactlyHalfAnHourAheadIsAccepted() throws Exception {
		Instant now = this.clock.instant();
		long halfAnHour = now.getEpochSecond() + Duration.ofMinutes(30).toSeconds();

		assertThat(createSession((session) -> session.setExpiresAt(halfAnHour)).getExpiresAt()).isEqualTo(halfAnHour);
	}

	@Test
	void mixedCurrenciesAreRefused() {
		SessionCreateParams params = aSession()
			.addLineItem(SessionCreateParams.LineItem.builder()
				.setQuantity(1L)
				.setPriceData(SessionCreateParams.LineItem.PriceData.builder()
					.setCurrency("usd")
					.setUnitAmount(500L)
					.setProductData(
							SessionCreateParams.LineItem.PriceData.ProductData.builder().setName("Socks").build())
					.build())
				.build())
			.build();

		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> stripe().v1().checkout().sessions().create(params))
			.satisfies((ex) -> assertThat(ex.getParam()).isEqualTo("line_items[2][price_data][currency]"));
	}

	@Test
	void sessionCurrencyMatchingTheLineItemsIsAccepted() throws Exception {
		assertThat(createSession((session) -> session.setCurrency("gbp")).getCurrency()).isEqualTo("gbp");
	}

	@Test
	void sessionCurrencyDifferentFromTheLineItemsIsRefused() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> createSession((session) -> session.setCurrency("usd")))
			.satisfies((ex) -> assertThat(ex.getParam()).isEqualTo("currency"));
	}

	@Test
	void invalidEmailIsRefused() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> createSession((session) -> session.setCustomerEmail("not-an-email")))
			.satisfies((ex) -> assertThat(ex.getParam()).isEqualTo("customer_email"));
	}

	@Test
	void unsupportedExpansionIsRefused() throws Exception {
		Session created = createSession();

		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> stripe().v1()
				.checkout()
				.sessions()
				.retrieve(created.getId(), SessionRetrieveParams.builder().addExpand("customer").build()))
			.satisfies((ex) -> assertThat(ex.getParam()).isEqualTo("expand"));
	}

}
