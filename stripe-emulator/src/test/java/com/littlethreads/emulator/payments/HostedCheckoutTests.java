package com.littlethreads.emulator.payments;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import com.stripe.Stripe;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.checkout.Session;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionRetrieveParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;

import com.littlethreads.emulator.EmulatorIntegrationTest;
import com.littlethreads.emulator.webhook.WebhookEvents;

import static org.assertj.core.api.Assertions.assertThat;

class HostedCheckoutTests extends EmulatorIntegrationTest {

	@Autowired
	WebhookEvents events;

	@Test
	void pageShowsLinesTotalPrefilledEmailAndTheContractsElements() throws Exception {
		Session session = createSession();

		HttpResponse<String> page = get("/checkout/" + session.getId());

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
		assertThat(page.body()).contains("<html lang=\"en-GB\">")
			.contains("Striped tee")
			.contains("Dungarees")
			.contains("£12.00 each")
			.contains("£24.00")
			.contains("<span id=\"total\">£48.00</span>")
			.contains(
					"id=\"email\" name=\"email\" type=\"email\" autocomplete=\"email\" required value=\"ada@example.com\"")
			.contains("id=\"card-number\"", "id=\"card-expiry\"", "id=\"card-cvc\"", "id=\"cardholder-name\"")
			.contains("<button id=\"pay\" type=\"submit\">Pay £48.00</button>")
			.contains("<a id=\"cancel\" class=\"back\" href=\"" + CANCEL_URL + "\">")
			.contains("<label for=\"card-number\">")
			.doesNotContain("id=\"card-error\"");
	}

	@Test
	void zeroDecimalCurrencyIsShownWithoutMinorUnits() throws Exception {
		Session session = stripe().v1()
			.checkout()
			.sessions()
			.create(SessionCreateParams.builder()
				.setMode(SessionCreateParams.Mode.PAYMENT)
				.addLineItem(SessionCreateParams.LineItem.builder()
					.setQuantity(1L)
					.setPriceData(SessionCreateParams.LineItem.PriceData.builder()
						.setCurrency("jpy")
						.setUnitAmount(1500L)
						.setProductData(
								SessionCreateParams.LineItem.PriceData.ProductData.builder().setName("Hat").build())
						.build())
					.build())
				.build());

		assertThat(get("/checkout/" + session.getId()).body()).contains("<span id=\"total\">JP¥1,500</span>");
	}

	@Test
	void payingWithTheSucceedingTestCardCompletesTheSessionAndRedirectsToSuccess() throws Exception {
		Session session = createSession();

		HttpResponse<String> response = submitCard(session.getId(), "4242 4242 4242 4242");

		assertThat(response.statusCode()).isEqualTo(303);
		assertThat(response.headers().firstValue("Location"))
			.hasValue("https://shop.test/checkout/success/?session=" + session.getId());
		Session paid = stripe().v1()
			.checkout()
			.sessions()
			.retrieve(session.getId(), SessionRetrieveParams.builder().addExpand("payment_intent").build());
		assertThat(paid.getStatus()).isEqualTo("complete");
		assertThat(paid.getPaymentStatus()).isEqualTo("paid");
		assertThat(paid.getUrl()).isNull();
		assertThat(paid.getCustomerDetails().getEmail()).isEqualTo("ada@example.com");
		PaymentIntent intent = paid.getPaymentIntentObject();
		assertThat(intent.getId()).startsWith("pi_");
		assertThat(intent.getStatus()).isEqualTo("succeeded");
		assertThat(intent.getAmount()).isEqualTo(4800L);
		assertThat(intent.getAmountReceived()).isEqualTo(4800L);
		assertThat(intent.getCurrency()).isEqualTo("gbp");
		assertThat(intent.getLatestCharge()).startsWith("ch_");
		assertThat(intent.getMetadata()).containsEntry("order_id", "ord_1");
		assertThat(stripe().v1().paymentIntents().retrieve(intent.getId()).getStatus()).isEqualTo("succeeded");
	}

	@Test
	void completedPaymentDeliversASignedEventStripeJavaCanRead() throws Exception {
		Session session = createSession();

		submitCard(session.getId(), "4242424242424242");

		Event event = awaitEvent("checkout.session.completed", session.getId());
		assertThat(event.getId()).startsWith("evt_");
		assertThat(event.getApiVersion()).isEqualTo(Stripe.API_VERSION);
		assertThat(event.getLivemode()).isFalse();
		Session inEvent = (Session) event.getDataObjectDeserializer().getObject().orElseThrow();
		assertThat(inEvent.getId()).isEqualTo(session.getId());
		assertThat(inEvent.getStatus()).isEqualTo("complete");
		assertThat(inEvent.getPaymentStatus()).isEqualTo("paid");
		assertThat(inEvent.getAmountTotal()).isEqualTo(4800L);
		assertThat(inEvent.getClientReferenceId()).isEqualTo("ord_1");
		assertThat(inEvent.getMetadata()).containsEntry("order_id", "ord_1");
		assertThat(inEvent.getPaymentIntent()).startsWith("pi_");
	}

	@Test
	void declinedCardShowsTheDeclineAndLeavesTheSessionOpenWithoutAnEvent() throws Exception {
		Session session = createSession();

		HttpResponse<String> response = submitCard(session.getId(), "4000 0000 0000 0002");

		assertThat(response.statusCode()).isEqualTo(402);
		assertThat(response.body())
			.contains("<p id=\"card-error\" class=\"error\" role=\"alert\">Your card was declined.</p>")
			.contains("value=\"Ada Lovelace\"");
		Session open = stripe().v1().checkout().sessions().retrieve(session.getId());
		assertThat(open.getStatus()).isEqualTo("open");
		assertThat(open.getPaymentStatus()).isEqualTo("unpaid");
		PaymentIntent intent = stripe().v1().paymentIntents().retrieve(open.getPaymentIntent());
		assertThat(intent.getStatus()).isEqualTo("requires_payment_method");
		assertThat(intent.getLastPaymentError().getDeclineCode()).isEqualTo("generic_decline");
		assertThat(this.events.deliveries()).noneMatch((delivery) -> delivery.objectId().equals(session.getId()));

		assertThat(submitCard(session.getId(), "4242 4242 4242 4242").statusCode()).isEqualTo(303);
		assertThat(stripe().v1().checkout().sessions().retrieve(session.getId()).getPaymentIntent())
			.isEqualTo(intent.getId());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			4242 4242 4242 4241 | 12 / 34 | 123 | Your card number is invalid.
			4242 4242           | 12 / 34 | 123 | Your card number is incomplete.
			4242 4242 4242 4242 | 13 / 34 | 123 | Your card's expiration date is invalid.
			4242 4242 4242 4242 | 12 / 20 | 123 | Your card's expiration year is in the past.
			4242 4242 4242 4242 | 1234    | 12  | Your card's security code is incomplete.
			""")
	void invalidCardDetailsAreShownAndNothingIsCharged(String number, String expiry, String cvc, String message)
			throws Exception {
		Session session = createSession();
		Map<String, String> form = new LinkedHashMap<>();
		form.put("email", "ada@example.com");
		form.put("card-number", number);
		form.put("card-expiry", expiry);
		form.put("card-cvc", cvc);
		form.put("cardholder-name", "Ada Lovelace");

		HttpResponse<String> response = submitForm(session.getId(), form);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body())
			.contains("id=\"card-error\" class=\"error\" role=\"alert\">" + message.replace("'", "&#39;") + "</p>");
		assertThat(response.body()).contains("aria-invalid=\"true\" aria-describedby=\"card-error\"");
		Session open = stripe().v1().checkout().sessions().retrieve(session.getId());
		assertThat(open.getStatus()).isEqualTo("open");
		assertThat(open.getPaymentIntent()).isNull();
	}

	@Test
	void missingEmailAndNameAreShownAtTheirFields() throws Exception {
		Session session = createSession();
		Map<String, String> form = new LinkedHashMap<>();
		form.put("card-number", "4242424242424242");
		form.put("card-expiry", "12/34");
		form.put("card-cvc", "123");

		HttpResponse<String> response = submitForm(session.getId(), form);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body())
			.contains("<p id=\"email-error\" class=\"error\" role=\"alert\">Enter your email address.</p>")
			.contains("<p id=\"cardholder-name-error\" class=\"error\" role=\"alert\">Enter the name on your card.</p>")
			.doesNotContain("id=\"card-error\"");
	}

	@Test
	void expiredSessionPageSaysSoAndTakesNoPayment() throws Exception {
		Session session = createSession();
		stripe().v1().checkout().sessions().expire(session.getId());

		HttpResponse<String> page = get("/checkout/" + session.getId());
		HttpResponse<String> payment = submitCard(session.getId(), "4242 4242 4242 4242");

		assertThat(page.statusCode()).isEqualTo(410);
		assertThat(page.body()).contains("This checkout session has expired.").doesNotContain("id=\"pay\"");
		assertThat(payment.statusCode()).isEqualTo(410);
		assertThat(stripe().v1().checkout().sessions().retrieve(session.getId()).getPaymentStatus())
			.isEqualTo("unpaid");
	}

	@Test
	void completedSessionPageSaysSoAndTakesNoSecondPayment() throws Exception {
		Session session = createSession();
		submitCard(session.getId(), "4242 4242 4242 4242");
		String charge = stripe().v1()
			.paymentIntents()
			.retrieve(stripe().v1().checkout().sessions().retrieve(session.getId()).getPaymentIntent())
			.getLatestCharge();

		HttpResponse<String> page = get("/checkout/" + session.getId());
		HttpResponse<String> again = submitCard(session.getId(), "4242 4242 4242 4242");

		assertThat(page.statusCode()).isEqualTo(409);
		assertThat(page.body()).contains("the payment has already been made");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(stripe().v1()
			.paymentIntents()
			.retrieve(stripe().v1().checkout().sessions().retrieve(session.getId()).getPaymentIntent())
			.getLatestCharge()).isEqualTo(charge);
	}

	@Test
	void unknownSessionPageIsNotFound() {
		HttpResponse<String> page = get("/checkout/cs_test_nope");

		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("Checkout not found");
	}

}
