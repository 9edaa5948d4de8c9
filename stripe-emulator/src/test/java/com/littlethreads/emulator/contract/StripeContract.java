package com.littlethreads.emulator.contract;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.net.StripeResponse;
import com.stripe.param.EventListParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import com.stripe.param.checkout.SessionCreateParams;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * What payment-service relies on Stripe for, written once against {@link StripeClient}:
 * Checkout Sessions as payment-service opens, reads and expires them, refunds and their
 * lifecycle, the events list, idempotency keys, error codes and keys. Run against the
 * emulator in every build ({@link EmulatorStripeContractTests}) and against a real Stripe
 * test account when one is given ({@link LiveStripeContractTests}): what passes on one
 * and fails on the other is where the emulator lies.
 * <p>
 * A shopper pays on Stripe's hosted page, which needs a browser; these scenarios pay by
 * confirming Stripe's test PaymentMethods ({@code pm_card_…}) through
 * {@code POST /v1/payment_intents} instead, which both accept.
 */
interface StripeContract {

	/**
	 * The client under test, configured as payment-service configures its own.
	 * @return the client
	 */
	StripeClient stripe();

	/**
	 * A client with another key than the account's.
	 * @return the client
	 */
	StripeClient stripeWithAnotherKey();

	/**
	 * The account's time, for {@code expires_at}.
	 * @return now
	 */
	Instant now();

	/**
	 * Lets time pass for what Stripe does later by itself (a refund failing): the
	 * emulator's clock is moved; Stripe's passes while {@link #eventually} waits.
	 * @param duration how much
	 */
	void elapse(Duration duration);

	/**
	 * How long to wait for what happens later.
	 * @return the patience
	 */
	Duration patience();

	@Test
	default void checkoutSessionAsPaymentServiceOpensItIsOpenForExactlyItsLines() throws StripeException {
		long expiresAt = now().plus(Duration.ofMinutes(31)).getEpochSecond();

		Session created = stripe().v1()
			.checkout()
			.sessions()
			.create(aSession(expiresAt), RequestOptions.builder().setIdempotencyKey(key("checkout")).build());

		assertThat(created.getId()).startsWith("cs_test_");
		assertThat(created.getStatus()).isEqualTo("open");
		assertThat(created.getPaymentStatus()).isEqualTo("unpaid");
		assertThat(created.getMode()).isEqualTo("payment");
		assertThat(created.getAmountTotal()).isEqualTo(4900L);
		assertThat(created.getCurrency()).isEqualTo("gbp");
		assertThat(created.getPaymentMethodTypes()).containsExactly("card");
		assertThat(created.getClientReferenceId()).isEqualTo("ord_contract");
		assertThat(created.getMetadata()).containsEntry("order_id", "ord_contract");
		assertThat(created.getCustomerEmail()).isEqualTo("contract@example.com");
		assertThat(created.getExpiresAt()).isEqualTo(expiresAt);
		assertThat(created.getUrl()).startsWith("http");
		assertThat(created.getLivemode()).isFalse();
		Session read = stripe().v1().checkout().sessions().retrieve(created.getId());
		assertThat(read.getStatus()).isEqualTo("open");
		assertThat(read.getAmountTotal()).isEqualTo(4900L);
		assertThat(read.getMetadata()).containsEntry("order_id", "ord_contract");
	}

	@Test
	default void openSessionCanBeExpiredOnceAndThenNoMore() throws StripeException {
		Session session = stripe().v1().checkout().sessions().create(aSession(null));

		Session expired = stripe().v1().checkout().sessions().expire(session.getId());

		assertThat(expired.getStatus()).isEqualTo("expired");
		assertThat(expired.getPaymentStatus()).isEqualTo("unpaid");
		assertThat(expired.getUrl()).isNull();
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> stripe().v1().checkout().sessions().expire(session.getId()))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(400));
	}

	@Test
	default void unknownObjectsAreResourceMissing() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> stripe().v1().checkout().sessions().retrieve("cs_test_" + "a".repeat(58)))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(404);
				assertThat(ex.getCode()).isEqualTo("resource_missing");
			});
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> stripe().v1().refunds().retrieve("re_" + "a".repeat(24)))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo("resource_missing"));
	}

	@Test
	default void unknownParameterIsRefusedWithItsCode() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> stripe().v1()
				.checkout()
				.sessions()
				.create(SessionCreateParams.builder()
					.setMode(SessionCreateParams.Mode.PAYMENT)
					.addLineItem(line("Contract tee", 1200, 1))
					.setSuccessUrl("https://shop.test/checkout/success/")
					.putExtraParam("no_such_parameter", "x")
					.build()))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(400);
				assertThat(ex.getCode()).isEqualTo("parameter_unknown");
				assertThat(ex.getParam()).isEqualTo("no_such_parameter");
			});
	}

	@Test
	default void missingRequiredParameterIsRefusedWithItsCode() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> stripe().v1()
				.paymentIntents()
				.create(PaymentIntentCreateParams.builder().setCurrency("gbp").build()))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(400);
				assertThat(ex.getCode()).isEqualTo("parameter_missing");
				assertThat(ex.getParam()).isEqualTo("amount");
			});
	}

	@Test
	default void anotherKeyThanTheAccountsIsAnAuthenticationError() {
		assertThatExceptionOfType(AuthenticationException.class)
			.isThrownBy(() -> stripeWithAnotherKey().v1().checkout().sessions().create(aSession(null)))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(401));
	}

	@Test
	default void sameIdempotencyKeyAndParametersGiveTheSameSessionReplayed() throws StripeException {
		RequestOptions options = RequestOptions.builder().setIdempotencyKey(key("replay")).build();

		Session first = stripe().v1().checkout().sessions().create(aSession(null), options);
		Session second = stripe().v1().checkout().sessions().create(aSession(null), options);

		assertThat(second.getId()).isEqualTo(first.getId());
		assertThat(second.getLastResponse().headers().firstValue("Idempotent-Replayed")).hasValue("true");
	}

	@Test
	default void sameIdempotencyKeyWithOtherParametersIsAnIdempotencyError() throws StripeException {
		RequestOptions options = RequestOptions.builder().setIdempotencyKey(key("other")).build();
		stripe().v1().checkout().sessions().create(aSession(null), options);

		assertThatExceptionOfType(IdempotencyException.class).isThrownBy(() -> stripe().v1()
			.checkout()
			.sessions()
			.create(SessionCreateParams.builder()
				.setMode(SessionCreateParams.Mode.PAYMENT)
				.addLineItem(line("Another tee", 1300, 1))
				.setSuccessUrl("https://shop.test/checkout/success/")
				.build(), options));
	}

	@Test
	default void requestRefusedByValidationLeavesItsKeyFree() throws StripeException {
		RequestOptions options = RequestOptions.builder().setIdempotencyKey(key("fixed")).build();
		catchThrowableOfType(InvalidRequestException.class,
				() -> stripe().v1()
					.paymentIntents()
					.create(PaymentIntentCreateParams.builder().setCurrency("gbp").build(), options));

		PaymentIntent created = stripe().v1()
			.paymentIntents()
			.create(PaymentIntentCreateParams.builder()
				.setAmount(1200L)
				.setCurrency("gbp")
				.addPaymentMethodType("card")
				.build(), options);

		assertThat(created.getStatus()).isEqualTo("requires_payment_method");
		assertThat(created.getLastResponse().headers().firstValue("Idempotent-Replayed")).isEmpty();
	}

	@Test
	default void declinedPaymentIsSavedUnderItsKeyAndReplayed() {
		RequestOptions options = RequestOptions.builder().setIdempotencyKey(key("declined")).build();
		PaymentIntentCreateParams params = payment(1200, "pm_card_chargeDeclined");

		CardException first = catchThrowableOfType(CardException.class,
				() -> stripe().v1().paymentIntents().create(params, options));
		CardException again = catchThrowableOfType(CardException.class,
				() -> stripe().v1().paymentIntents().create(params, options));

		assertThat(first.getStatusCode()).isEqualTo(402);
		assertThat(first.getCode()).isEqualTo("card_declined");
		assertThat(first.getDeclineCode()).isEqualTo("generic_decline");
		assertThat(again.getStripeError().getPaymentIntent().getId())
			.isEqualTo(first.getStripeError().getPaymentIntent().getId());
		StripeResponse replay = again.getStripeError().getLastResponse();
		assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
	}

	@Test
	default void cardPaymentCanBeRefundedInPartsAndNoFurther() throws StripeException {
		PaymentIntent paid = stripe().v1().paymentIntents().create(payment(2000, "pm_card_visa"));
		assertThat(paid.getStatus()).isEqualTo("succeeded");

		Refund part = stripe().v1()
			.refunds()
			.create(RefundCreateParams.builder()
				.setPaymentIntent(paid.getId())
				.setAmount(500L)
				.putMetadata("order_id", "ord_contract")
				.build(), RequestOptions.builder().setIdempotencyKey(key("refund")).build());

		assertThat(part.getId()).startsWith("re_");
		assertThat(part.getAmount()).isEqualTo(500L);
		assertThat(part.getPaymentIntent()).isEqualTo(paid.getId());
		assertThat(part.getStatus()).isIn("pending", "succeeded");
		assertThat(part.getMetadata()).containsEntry("order_id", "ord_contract");
		eventually(() -> "succeeded".equals(stripe().v1().refunds().retrieve(part.getId()).getStatus()));
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> stripe().v1()
				.refunds()
				.create(RefundCreateParams.builder().setPaymentIntent(paid.getId()).setAmount(1501L).build()))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo("amount_too_large"));
		Refund rest = stripe().v1()
			.refunds()
			.create(RefundCreateParams.builder().setPaymentIntent(paid.getId()).build());
		assertThat(rest.getAmount()).isEqualTo(1500L);
		List<Refund> listed = stripe().v1()
			.refunds()
			.list(RefundListParams.builder().setPaymentIntent(paid.getId()).build())
			.getData();
		assertThat(listed).extracting(Refund::getId).containsExactly(rest.getId(), part.getId());
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> stripe().v1()
				.refunds()
				.create(RefundCreateParams.builder().setPaymentIntent(paid.getId()).build()))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo("charge_already_refunded"));
		Charge charge = stripe().v1().charges().retrieve(paid.getLatestCharge());
		assertThat(charge.getAmountRefunded()).isEqualTo(2000L);
		assertThat(charge.getRefunded()).isTrue();
	}

	@Test
	default void refundOfTheRefundFailureCardFailsAfterItWasMade() throws StripeException {
		PaymentIntent paid = stripe().v1().paymentIntents().create(payment(1800, "pm_card_refundFail"));
		Instant before = now().minusSeconds(5);

		Refund refund = stripe().v1()
			.refunds()
			.create(RefundCreateParams.builder().setPaymentIntent(paid.getId()).build());
		elapse(Duration.ofMinutes(2));

		assertThat(refund.getStatus()).as("Stripe shows the refund made at first").isIn("pending", "succeeded");
		eventually(() -> "failed".equals(stripe().v1().refunds().retrieve(refund.getId()).getStatus()));
		Refund failed = stripe().v1().refunds().retrieve(refund.getId());
		assertThat(failed.getFailureReason()).isEqualTo("expired_or_canceled_card");
		eventually(() -> !eventsAbout(refund.getId(), before, "refund.failed", "charge.refund.updated").isEmpty());
		assertThat(stripe().v1().charges().retrieve(paid.getLatestCharge()).getAmountRefunded()).isZero();
	}

	@Test
	default void disputeCardIsDisputedAfterItPaid() throws StripeException {
		Instant before = now().minusSeconds(5);
		PaymentIntent paid = stripe().v1().paymentIntents().create(payment(2500, "pm_card_createDispute"));
		assertThat(paid.getStatus()).isEqualTo("succeeded");

		eventually(() -> !eventsAbout(paid.getLatestCharge(), before, "charge.dispute.created").isEmpty());

		Event created = eventsAbout(paid.getLatestCharge(), before, "charge.dispute.created").get(0);
		String disputeId = com.google.gson.JsonParser.parseString(created.getDataObjectDeserializer().getRawJson())
			.getAsJsonObject()
			.get("id")
			.getAsString();
		Dispute dispute = stripe().v1().disputes().retrieve(disputeId);
		assertThat(dispute.getCharge()).isEqualTo(paid.getLatestCharge());
		assertThat(dispute.getPaymentIntent()).isEqualTo(paid.getId());
		assertThat(dispute.getReason()).isEqualTo("fraudulent");
		assertThat(stripe().v1().charges().retrieve(paid.getLatestCharge()).getDisputed()).isTrue();
	}

	@Test
	default void cardRequiringAuthenticationAsksForIt() throws StripeException {
		PaymentIntent intent = stripe().v1()
			.paymentIntents()
			.create(payment(1200, "pm_card_authenticationRequiredOnSetup"));

		assertThat(intent.getStatus()).isEqualTo("requires_action");
		assertThat(intent.getNextAction().getType()).isEqualTo("use_stripe_sdk");
		assertThat(intent.getLatestCharge()).isNull();
	}

	@Test
	default void eventsAreListedNewestFirstAndFromACursorOnwards() throws StripeException {
		Instant before = now().minusSeconds(5);
		Session first = stripe().v1().checkout().sessions().create(aSession(null));
		stripe().v1().checkout().sessions().expire(first.getId());
		eventually(() -> !eventsAbout(first.getId(), before, "checkout.session.expired").isEmpty());
		Event cursor = eventsAbout(first.getId(), before, "checkout.session.expired").get(0);
		Session second = stripe().v1().checkout().sessions().create(aSession(null));
		stripe().v1().checkout().sessions().expire(second.getId());
		eventually(() -> !eventsAbout(second.getId(), before, "checkout.session.expired").isEmpty());

		List<Event> after = stripe().v1()
			.events()
			.list(EventListParams.builder()
				.setEndingBefore(cursor.getId())
				.addType("checkout.session.expired")
				.setLimit(100L)
				.build())
			.getData();

		assertThat(after).noneMatch((event) -> event.getId().equals(cursor.getId()))
			.anyMatch((event) -> event.getDataObjectDeserializer().getRawJson().contains(second.getId()));
		assertThat(after).noneMatch((event) -> event.getDataObjectDeserializer().getRawJson().contains(first.getId()));
		assertThat(after).isSortedAccordingTo((a, b) -> Long.compare(b.getCreated(), a.getCreated()));
	}

	/**
	 * The events of the given types created since {@code since} whose object mentions the
	 * id, newest first.
	 */
	private List<Event> eventsAbout(String id, Instant since, String... types) throws StripeException {
		return stripe().v1()
			.events()
			.list(EventListParams.builder()
				.addAllType(List.of(types))
				.setCreated(EventListParams.Created.builder().setGte(since.getEpochSecond()).build())
				.setLimit(100L)
				.build())
			.getData()
			.stream()
			.filter((event) -> event.getDataObjectDeserializer().getRawJson().contains("\"" + id + "\""))
			.toList();
	}

	private void eventually(Callable<Boolean> condition) {
		await().atMost(patience()).pollInterval(patience().dividedBy(60)).until(condition);
	}

	private static String key(String purpose) {
		return "contract-" + purpose + "-" + UUID.randomUUID();
	}

	/**
	 * A session as payment-service opens one: cards only, the order named in
	 * {@code client_reference_id} and metadata, its lines priced inline, an expiry.
	 */
	private static SessionCreateParams aSession(Long expiresAt) {
		SessionCreateParams.Builder params = SessionCreateParams.builder()
			.setMode(SessionCreateParams.Mode.PAYMENT)
			.addPaymentMethodType(SessionCreateParams.PaymentMethodType.CARD)
			.setClientReferenceId("ord_contract")
			.putMetadata("order_id", "ord_contract")
			.setCustomerEmail("contract@example.com")
			.setSuccessUrl("https://shop.test/checkout/success/?order=ord_contract")
			.setCancelUrl("https://shop.test/checkout/cancel/?order=ord_contract")
			.addLineItem(line("Rocket tee (4T, red)", 1200, 2))
			.addLineItem(line("Sunny dress (6, blue)", 2500, 1));
		if (expiresAt != null) {
			params.setExpiresAt(expiresAt);
		}
		return params.build();
	}

	private static SessionCreateParams.LineItem line(String name, long unitAmount, long quantity) {
		return SessionCreateParams.LineItem.builder()
			.setQuantity(quantity)
			.setPriceData(SessionCreateParams.LineItem.PriceData.builder()
				.setCurrency("gbp")
				.setUnitAmount(unitAmount)
				.setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
					.setName(name)
					.putMetadata("sku", "LT-CONTRACT")
					.build())
				.build())
			.build();
	}

	/**
	 * A card payment confirmed at once with a test PaymentMethod, cards only so that no
	 * redirect (and no {@code return_url}) can be needed.
	 */
	private static PaymentIntentCreateParams payment(long amount, String paymentMethod) {
		return PaymentIntentCreateParams.builder()
			.setAmount(amount)
			.setCurrency("gbp")
			.addPaymentMethodType("card")
			.setPaymentMethod(paymentMethod)
			.setConfirm(true)
			.putMetadata("order_id", "ord_contract")
			.build();
	}

}
