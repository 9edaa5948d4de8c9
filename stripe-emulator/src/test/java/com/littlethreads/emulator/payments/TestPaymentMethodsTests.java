package com.littlethreads.emulator.payments;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import org.junit.jupiter.api.Test;

import com.littlethreads.emulator.EmulatorIntegrationTest;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hosted page's test payment methods beyond the plain succeeding and declining cards:
 * 3D Secure, a card whose refunds fail, a card that is disputed, and Bacs Direct Debit, a
 * method whose money is known only later.
 */
class TestPaymentMethodsTests extends EmulatorIntegrationTest {

	@Test
	void cardRequiringAuthenticationShowsTheChallengeAndPaysOnceCompleted() throws Exception {
		Session session = createSession();

		HttpResponse<String> challenge = submitCard(session.getId(), "4000 0025 0000 3155");

		assertThat(challenge.statusCode()).isEqualTo(200);
		assertThat(challenge.body()).contains("Authenticate your payment")
			.contains("id=\"complete-authentication\"")
			.contains("id=\"fail-authentication\"");
		Session waiting = stripe().v1().checkout().sessions().retrieve(session.getId());
		assertThat(waiting.getStatus()).isEqualTo("open");
		assertThat(stripe().v1().paymentIntents().retrieve(waiting.getPaymentIntent()).getStatus())
			.isEqualTo("requires_action");

		HttpResponse<String> completed = authenticate(session.getId(), "complete");

		assertThat(completed.statusCode()).isEqualTo(303);
		assertThat(stripe().v1().checkout().sessions().retrieve(session.getId()).getPaymentStatus()).isEqualTo("paid");
		assertThat(awaitEvent("checkout.session.completed", session.getId())).isNotNull();
	}

	@Test
	void failedAuthenticationLeavesTheSessionOpenToPayAgain() throws Exception {
		Session session = createSession();
		submitCard(session.getId(), "4000002500003155");

		HttpResponse<String> failed = authenticate(session.getId(), "fail");

		assertThat(failed.statusCode()).isEqualTo(402);
		assertThat(failed.body()).contains("We are unable to authenticate your payment method.");
		Session open = stripe().v1().checkout().sessions().retrieve(session.getId());
		assertThat(open.getStatus()).isEqualTo("open");
		PaymentIntent intent = stripe().v1().paymentIntents().retrieve(open.getPaymentIntent());
		assertThat(intent.getStatus()).isEqualTo("requires_payment_method");
		assertThat(intent.getLastPaymentError().getCode()).isEqualTo("payment_intent_authentication_failure");
		assertThat(submitCard(session.getId(), "4242 4242 4242 4242").statusCode()).isEqualTo(303);
	}

	@Test
	void refundOfTheRefundFailureCardShowsSucceededThenFailsByTheClock() throws Exception {
		String paymentIntent = paid("4000 0000 0000 5126");

		Refund refund = stripe().v1()
			.refunds()
			.create(RefundCreateParams.builder().setPaymentIntent(paymentIntent).build());

		assertThat(refund.getStatus()).isEqualTo("succeeded");
		assertThat(awaitEvent("refund.created", refund.getId())).isNotNull();
		this.clock.advance(Duration.ofMinutes(2));

		Refund failed = (Refund) awaitEvent("refund.failed", refund.getId()).getDataObjectDeserializer()
			.getObject()
			.orElseThrow();
		assertThat(failed.getStatus()).isEqualTo("failed");
		assertThat(failed.getFailureReason()).isEqualTo("expired_or_canceled_card");
		assertThat(awaitEvent("charge.refund.updated", refund.getId())).isNotNull();
		assertThat(awaitEvent("refund.updated", refund.getId())).isNotNull();
		assertThat(stripe().v1().refunds().retrieve(refund.getId()).getStatus()).isEqualTo("failed");
		Charge charge = stripe().v1().charges().retrieve(refund.getCharge());
		assertThat(charge.getAmountRefunded()).isZero();
		assertThat(charge.getRefunded()).isFalse();
	}

	@Test
	void refundOfAnOrdinaryCardStaysSucceeded() throws Exception {
		String paymentIntent = paid("4242 4242 4242 4242");
		Refund refund = stripe().v1()
			.refunds()
			.create(RefundCreateParams.builder().setPaymentIntent(paymentIntent).build());

		this.clock.advance(Duration.ofHours(1));
		awaitEvent("charge.refunded", refund.getCharge());

		assertThat(stripe().v1().refunds().retrieve(refund.getId()).getStatus()).isEqualTo("succeeded");
	}

	@Test
	void disputeCardPaysAndIsThenDisputed() throws Exception {
		String paymentIntent = paid("4000 0000 0000 0259");
		String charge = stripe().v1().paymentIntents().retrieve(paymentIntent).getLatestCharge();

		Dispute dispute = (Dispute) awaitEventAbout("charge.dispute.created", charge).getDataObjectDeserializer()
			.getObject()
			.orElseThrow();

		assertThat(dispute.getCharge()).isEqualTo(charge);
		assertThat(dispute.getPaymentIntent()).isEqualTo(paymentIntent);
		assertThat(dispute.getReason()).isEqualTo("fraudulent");
		assertThat(dispute.getStatus()).isEqualTo("needs_response");
		assertThat(stripe().v1().disputes().retrieve(dispute.getId()).getAmount()).isEqualTo(4800L);
		assertThat(stripe().v1().charges().retrieve(charge).getDisputed()).isTrue();
	}

	@Test
	void sessionWithoutPaymentMethodTypesOffersTheAccountsBankDebitToo() throws Exception {
		Session session = createSession();

		assertThat(session.getPaymentMethodTypes()).containsExactly("card", "bacs_debit");
		assertThat(get("/checkout/" + session.getId()).body()).contains("Pay by Bacs Direct Debit")
			.contains("id=\"sort-code\"")
			.contains("id=\"account-number\"");
	}

	@Test
	void sessionForCardsOnlyOffersNoBankDebit() throws Exception {
		Session session = createSession(
				(params) -> params.addPaymentMethodType(SessionCreateParams.PaymentMethodType.CARD));

		assertThat(session.getPaymentMethodTypes()).containsExactly("card");
		assertThat(get("/checkout/" + session.getId()).body()).doesNotContain("Bacs");
		assertThat(payByBacsDebit(session.getId(), BacsTestAccounts.SETTLES).statusCode()).isEqualTo(410);
		assertThat(stripe().v1().checkout().sessions().retrieve(session.getId()).getStatus()).isEqualTo("open");
	}

	@Test
	void bankDebitCompletesTheSessionUnpaidAndSettlesLater() throws Exception {
		Session session = createSession();

		HttpResponse<String> response = payByBacsDebit(session.getId(), BacsTestAccounts.SETTLES);

		assertThat(response.statusCode()).isEqualTo(303);
		assertThat(response.headers().firstValue("Location"))
			.hasValue("https://shop.test/checkout/success/?session=" + session.getId());
		Session completed = (Session) awaitEvent("checkout.session.completed", session.getId())
			.getDataObjectDeserializer()
			.getObject()
			.orElseThrow();
		assertThat(completed.getStatus()).isEqualTo("complete");
		assertThat(completed.getPaymentStatus()).isEqualTo("unpaid");
		assertThat(stripe().v1().paymentIntents().retrieve(completed.getPaymentIntent()).getStatus())
			.isEqualTo("processing");

		this.clock.advance(Duration.ofMinutes(3));

		Session settled = (Session) awaitEvent("checkout.session.async_payment_succeeded", session.getId())
			.getDataObjectDeserializer()
			.getObject()
			.orElseThrow();
		assertThat(settled.getPaymentStatus()).isEqualTo("paid");
		assertThat(stripe().v1().paymentIntents().retrieve(completed.getPaymentIntent()).getStatus())
			.isEqualTo("succeeded");
	}

	@Test
	void bankDebitThatFailsSaysSoLater() throws Exception {
		Session session = createSession();
		payByBacsDebit(session.getId(), BacsTestAccounts.FAILS);

		this.clock.advance(Duration.ofMinutes(3));

		Session failed = (Session) awaitEvent("checkout.session.async_payment_failed", session.getId())
			.getDataObjectDeserializer()
			.getObject()
			.orElseThrow();
		assertThat(failed.getStatus()).isEqualTo("complete");
		assertThat(failed.getPaymentStatus()).isEqualTo("unpaid");
		assertThat(stripe().v1().paymentIntents().retrieve(failed.getPaymentIntent()).getStatus())
			.isEqualTo("requires_payment_method");
	}

	@Test
	void bankAccountThatIsNotATestOneIsRefusedOnThePage() throws Exception {
		Session session = createSession();

		HttpResponse<String> response = payByBacsDebit(session.getId(), "12345678");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("id=\"bacs-error\"").contains("Use a test account");
		assertThat(stripe().v1().checkout().sessions().retrieve(session.getId()).getStatus()).isEqualTo("open");
	}

	private String paid(String card) throws Exception {
		Session session = createSession();
		assertThat(submitCard(session.getId(), card).statusCode()).isEqualTo(303);
		return stripe().v1().checkout().sessions().retrieve(session.getId()).getPaymentIntent();
	}

	private HttpResponse<String> authenticate(String sessionId, String outcome) {
		return post("/checkout/" + sessionId + "/authenticate", Map.of("outcome", outcome));
	}

	private HttpResponse<String> payByBacsDebit(String sessionId, String accountNumber) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("bacs-email", "ada@example.com");
		form.put("bacs-name", "Ada Lovelace");
		form.put("sort-code", "10-88-00");
		form.put("account-number", accountNumber);
		return post("/checkout/" + sessionId + "/bacs-debit", form);
	}

	private HttpResponse<String> post(String path, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/**
	 * An event whose object is not the one it is about by id (a dispute is about a
	 * charge), found by any id in its body.
	 */
	private static Event awaitEventAbout(String type, String id) {
		await().atMost(Duration.ofSeconds(10)).until(() -> !about(type, id).isEmpty());
		LoggedRequest request = about(type, id).get(0);
		try {
			return Webhook.constructEvent(request.getBodyAsString(), request.getHeader("Stripe-Signature"),
					WEBHOOK_SECRET);
		}
		catch (SignatureVerificationException ex) {
			throw new AssertionError(ex);
		}
	}

	private static List<LoggedRequest> about(String type, String id) {
		return receiver.findAll(postRequestedFor(urlEqualTo("/webhook")))
			.stream()
			.filter((request) -> request.getBodyAsString().contains("\"type\":\"" + type + "\""))
			.filter((request) -> request.getBodyAsString().contains("\"" + id + "\""))
			.toList();
	}

}
