package com.littlethreads.emulator.payments;

import java.time.Duration;

import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.Refund;
import com.stripe.model.checkout.Session;
import com.stripe.param.RefundCreateParams;
import org.junit.jupiter.api.Test;

import com.littlethreads.emulator.EmulatorIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class RefundTests extends EmulatorIntegrationTest {

	@Test
	void partialThenFullRefundEmitChargeRefundedWithTheRefundedAmount() throws Exception {
		String paymentIntent = paidPaymentIntent();

		Refund partial = stripe().v1()
			.refunds()
			.create(RefundCreateParams.builder()
				.setPaymentIntent(paymentIntent)
				.setAmount(1200L)
				.putMetadata("order_id", "ord_1")
				.setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER)
				.build());

		assertThat(partial.getId()).startsWith("re_");
		assertThat(partial.getObject()).isEqualTo("refund");
		assertThat(partial.getAmount()).isEqualTo(1200L);
		assertThat(partial.getStatus()).isEqualTo("succeeded");
		assertThat(partial.getPaymentIntent()).isEqualTo(paymentIntent);
		assertThat(partial.getCharge()).startsWith("ch_");
		assertThat(partial.getMetadata()).containsEntry("order_id", "ord_1");
		assertThat(partial.getReason()).isEqualTo("requested_by_customer");
		Charge afterPartial = (Charge) awaitEvent("charge.refunded", partial.getCharge()).getDataObjectDeserializer()
			.getObject()
			.orElseThrow();
		assertThat(afterPartial.getAmountRefunded()).isEqualTo(1200L);
		assertThat(afterPartial.getRefunded()).isFalse();
		assertThat(afterPartial.getPaymentIntent()).isEqualTo(paymentIntent);
		assertThat(afterPartial.getMetadata()).containsEntry("order_id", "ord_1");

		Refund rest = stripe().v1()
			.refunds()
			.create(RefundCreateParams.builder().setPaymentIntent(paymentIntent).build());

		assertThat(rest.getAmount()).isEqualTo(3600L);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> webhookRequests("charge.refunded", partial.getCharge()).size() == 2);
		Event second = com.stripe.net.Webhook.constructEvent(
				webhookRequests("charge.refunded", partial.getCharge()).get(1).getBodyAsString(),
				webhookRequests("charge.refunded", partial.getCharge()).get(1).getHeader("Stripe-Signature"),
				WEBHOOK_SECRET);
		Charge afterFull = (Charge) second.getDataObjectDeserializer().getObject().orElseThrow();
		assertThat(afterFull.getAmountRefunded()).isEqualTo(4800L);
		assertThat(afterFull.getRefunded()).isTrue();
	}

	@Test
	void refundingMoreThanIsLeftIsRefused() throws Exception {
		String paymentIntent = paidPaymentIntent();
		stripe().v1()
			.refunds()
			.create(RefundCreateParams.builder().setPaymentIntent(paymentIntent).setAmount(4000L).build());

		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> stripe().v1()
				.refunds()
				.create(RefundCreateParams.builder().setPaymentIntent(paymentIntent).setAmount(801L).build()))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(400);
				assertThat(ex.getParam()).isEqualTo("amount");
				assertThat(ex.getMessage())
					.contains("Refund amount (£8.01) is greater than unrefunded amount on charge (£8.00)");
			});
		Refund exact = stripe().v1()
			.refunds()
			.create(RefundCreateParams.builder().setPaymentIntent(paymentIntent).setAmount(800L).build());
		assertThat(exact.getAmount()).isEqualTo(800L);
	}

	@Test
	void fullyRefundedChargeCannotBeRefundedAgain() throws Exception {
		String paymentIntent = paidPaymentIntent();
		stripe().v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(paymentIntent).build());

		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> stripe().v1()
				.refunds()
				.create(RefundCreateParams.builder().setPaymentIntent(paymentIntent).build()))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo("charge_already_refunded"));
	}

	@Test
	void unpaidPaymentIntentHasNothingToRefund() throws Exception {
		Session session = createSession();
		submitCard(session.getId(), "4000 0000 0000 0002");
		String declined = stripe().v1().checkout().sessions().retrieve(session.getId()).getPaymentIntent();

		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(
				() -> stripe().v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(declined).build()))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(400);
				assertThat(ex.getMessage()).contains("does not have a successful charge to refund");
			});
	}

	@Test
	void unknownPaymentIntentIsResourceMissing() {
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(
				() -> stripe().v1().refunds().create(RefundCreateParams.builder().setPaymentIntent("pi_nope").build()))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(400);
				assertThat(ex.getCode()).isEqualTo("resource_missing");
				assertThat(ex.getParam()).isEqualTo("payment_intent");
			});
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> stripe().v1().paymentIntents().retrieve("pi_nope"))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(404);
				assertThat(ex.getCode()).isEqualTo("resource_missing");
			});
	}

	private String paidPaymentIntent() throws Exception {
		Session session = createSession();
		assertThat(submitCard(session.getId(), "4242 4242 4242 4242").statusCode()).isEqualTo(303);
		return stripe().v1().checkout().sessions().retrieve(session.getId()).getPaymentIntent();
	}

}
