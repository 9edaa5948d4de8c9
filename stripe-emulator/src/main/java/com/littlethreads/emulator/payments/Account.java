package com.littlethreads.emulator.payments;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.littlethreads.emulator.EmulatorProperties;
import com.littlethreads.emulator.api.StripeApiException;
import com.littlethreads.emulator.api.StripeError;
import com.littlethreads.emulator.api.StripeIds;
import com.littlethreads.emulator.webhook.WebhookEvents;

import org.springframework.stereotype.Component;

/**
 * The emulator's one Stripe test account, in memory: Checkout Sessions, the
 * PaymentIntents and charges their payments create, and refunds. Every change happens
 * under one lock, so a payment and an expiry of the same session cannot both win, and
 * emits its event while the state it describes is current.
 */
@Component
class Account {

	private static final List<String> CARD = List.of("card");

	private final Map<String, Session> sessions = new LinkedHashMap<>();

	private final Map<String, Intent> intents = new HashMap<>();

	private final Map<String, Charge> charges = new HashMap<>();

	private final EmulatorProperties properties;

	private final WebhookEvents events;

	private final Clock clock;

	Account(EmulatorProperties properties, WebhookEvents events, Clock clock) {
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	synchronized SessionJson createSession(SessionRequest request) {
		Session session = new Session(StripeIds.next("cs_test_", 58), now(), request);
		this.sessions.put(session.id, session);
		return json(session, false);
	}

	synchronized SessionJson session(String id, boolean expandPaymentIntent) {
		return json(existingSession(id), expandPaymentIntent);
	}

	synchronized SessionJson expire(String id, boolean expandPaymentIntent) {
		Session session = existingSession(id);
		if (!"open".equals(session.status)) {
			throw StripeApiException.badRequest("Only Checkout Sessions with a status in [\"open\"] can be expired. "
					+ "This Checkout Session has a status of \"" + session.status + "\".", null);
		}
		expire(session);
		return json(session, expandPaymentIntent);
	}

	/**
	 * Expires every open session whose {@code expires_at} has passed.
	 * @return how many expired
	 */
	synchronized int expireDue() {
		Instant now = this.clock.instant();
		int expired = 0;
		for (Session session : this.sessions.values()) {
			if ("open".equals(session.status) && !now.isBefore(session.request.expiresAt())) {
				expire(session);
				expired++;
			}
		}
		return expired;
	}

	synchronized Optional<CheckoutPage> checkoutPage(String id) {
		Session session = this.sessions.get(id);
		if (session != null) {
			expireIfDue(session);
		}
		return Optional.ofNullable(session).map(this::page);
	}

	synchronized Optional<PaymentResult> pay(String id, String email, String name, String cardNumber) {
		Session session = this.sessions.get(id);
		if (session == null) {
			return Optional.empty();
		}
		expireIfDue(session);
		if (!"open".equals(session.status)) {
			return Optional.of(new PaymentResult.NotOpen(page(session)));
		}
		Intent intent = (session.paymentIntentId != null) ? this.intents.get(session.paymentIntentId)
				: newIntent(session);
		session.email = email;
		session.name = name;
		Optional<TestCards.Decline> decline = TestCards.decline(cardNumber);
		if (decline.isPresent()) {
			intent.lastPaymentError = new PaymentIntentJson.PaymentError("card_error", decline.get().code(),
					decline.get().declineCode(), decline.get().message());
			return Optional.of(new PaymentResult.Declined(page(session), decline.get().message()));
		}
		Charge charge = new Charge(StripeIds.next("ch_", 24), now(), intent, email, name);
		this.charges.put(charge.id, charge);
		intent.status = "succeeded";
		intent.amountReceived = intent.amount;
		intent.latestCharge = charge.id;
		intent.lastPaymentError = null;
		session.status = "complete";
		session.paid = true;
		this.events.emit("checkout.session.completed", session.id, json(session, false));
		return Optional.of(new PaymentResult.Paid(page(session)));
	}

	synchronized PaymentIntentJson paymentIntent(String id, boolean expandLatestCharge) {
		Intent intent = this.intents.get(id);
		if (intent == null) {
			throw new StripeApiException(404, StripeError.noSuch("payment_intent", id, "intent"));
		}
		return json(intent, expandLatestCharge);
	}

	synchronized RefundJson refund(RefundRequest request) {
		Charge charge;
		if (request.paymentIntent() != null) {
			Intent intent = this.intents.get(request.paymentIntent());
			if (intent == null) {
				throw new StripeApiException(400,
						StripeError.noSuch("payment_intent", request.paymentIntent(), "payment_intent"));
			}
			if (intent.latestCharge == null) {
				throw StripeApiException.badRequest(
						"This PaymentIntent (" + intent.id + ") does not have a successful charge to refund.",
						"payment_intent");
			}
			charge = this.charges.get(intent.latestCharge);
			if (request.charge() != null && !request.charge().equals(charge.id)) {
				throw StripeApiException.badRequest(
						"The charge " + request.charge() + " does not belong to PaymentIntent " + intent.id + ".",
						"charge");
			}
		}
		else {
			charge = this.charges.get(request.charge());
			if (charge == null) {
				throw new StripeApiException(400, StripeError.noSuch("charge", request.charge(), "charge"));
			}
		}
		long remaining = charge.intent.amount - charge.amountRefunded;
		if (remaining == 0) {
			throw new StripeApiException(400, StripeError.invalidRequest("charge_already_refunded",
					"Charge " + charge.id + " has already been refunded.", "charge"));
		}
		long amount = (request.amount() != null) ? request.amount() : remaining;
		if (amount > remaining) {
			throw new StripeApiException(400,
					StripeError.invalidRequest("amount_too_large",
							"Refund amount (" + Money.format(amount, charge.intent.currency, Locale.UK)
									+ ") is greater than unrefunded amount on charge ("
									+ Money.format(remaining, charge.intent.currency, Locale.UK) + ")",
							"amount"));
		}
		charge.amountRefunded += amount;
		RefundJson refund = new RefundJson(StripeIds.next("re_", 24), "refund", amount, charge.id, epoch(now()),
				charge.intent.currency, request.metadata(), charge.intent.id, request.reason(), "succeeded");
		this.events.emit("charge.refunded", charge.id, json(charge));
		return refund;
	}

	/**
	 * The most recent sessions, newest first.
	 * @param limit how many at most
	 * @return their API representation
	 */
	synchronized List<SessionJson> recentSessions(int limit) {
		List<Session> all = new ArrayList<>(this.sessions.values());
		all.sort(Comparator.comparing((Session session) -> session.created).reversed());
		return all.stream().limit(limit).map((session) -> json(session, false)).toList();
	}

	private Session existingSession(String id) {
		Session session = this.sessions.get(id);
		if (session == null) {
			throw new StripeApiException(404, StripeError.noSuch("checkout.session", id, "session"));
		}
		expireIfDue(session);
		return session;
	}

	/**
	 * Stripe never shows an open session past its expiry, even between scheduler runs.
	 */
	private void expireIfDue(Session session) {
		if ("open".equals(session.status) && !this.clock.instant().isBefore(session.request.expiresAt())) {
			expire(session);
		}
	}

	private void expire(Session session) {
		session.status = "expired";
		if (session.paymentIntentId != null) {
			Intent intent = this.intents.get(session.paymentIntentId);
			intent.status = "canceled";
			intent.canceledAt = now();
		}
		this.events.emit("checkout.session.expired", session.id, json(session, false));
	}

	private Intent newIntent(Session session) {
		Intent intent = new Intent(StripeIds.next("pi_", 24), now(), session);
		this.intents.put(intent.id, intent);
		session.paymentIntentId = intent.id;
		return intent;
	}

	private Instant now() {
		return this.clock.instant();
	}

	private static long epoch(Instant instant) {
		return instant.getEpochSecond();
	}

	private CheckoutPage page(Session session) {
		SessionRequest request = session.request;
		String successUrl = (request.successUrl() != null)
				? request.successUrl().replace("{CHECKOUT_SESSION_ID}", session.id) : null;
		return new CheckoutPage(session.id, session.status, request.currency(), request.lineItems(),
				session.amountTotal(), (session.email != null) ? session.email : request.customerEmail(), successUrl,
				request.cancelUrl(), request.locale(), request.expiresAt());
	}

	private SessionJson json(Session session, boolean expandPaymentIntent) {
		SessionRequest request = session.request;
		Object paymentIntent = session.paymentIntentId;
		if (expandPaymentIntent && paymentIntent != null) {
			paymentIntent = json(this.intents.get(session.paymentIntentId), false);
		}
		SessionJson.CustomerDetails customerDetails = "complete".equals(session.status)
				? new SessionJson.CustomerDetails(session.email, session.name) : null;
		return new SessionJson(session.id, "checkout.session", session.amountTotal(), session.amountTotal(),
				request.cancelUrl(), request.clientReferenceId(), epoch(session.created), request.currency(), null,
				customerDetails, request.customerEmail(), epoch(request.expiresAt()), false, request.locale(),
				request.metadata(), "payment", paymentIntent, CARD, session.paid ? "paid" : "unpaid", session.status,
				request.successUrl(), new SessionJson.TotalDetails(0, 0, 0), "hosted",
				"open".equals(session.status) ? this.properties.checkoutPageUrl(session.id) : null);
	}

	private PaymentIntentJson json(Intent intent, boolean expandLatestCharge) {
		Object latestCharge = intent.latestCharge;
		if (expandLatestCharge && latestCharge != null) {
			latestCharge = json(this.charges.get(intent.latestCharge));
		}
		return new PaymentIntentJson(intent.id, "payment_intent", intent.amount, 0, intent.amountReceived,
				(intent.canceledAt != null) ? epoch(intent.canceledAt) : null,
				(intent.canceledAt != null) ? "abandoned" : null, "automatic", epoch(intent.created), intent.currency,
				intent.description, intent.lastPaymentError, latestCharge, false, intent.metadata, CARD, intent.status);
	}

	private static ChargeJson json(Charge charge) {
		Intent intent = charge.intent;
		return new ChargeJson(charge.id, "charge", intent.amount, intent.amount, charge.amountRefunded,
				new ChargeJson.BillingDetails(charge.email, charge.name), true, epoch(charge.created), intent.currency,
				false, intent.metadata, true, intent.id, charge.amountRefunded == intent.amount, "succeeded");
	}

	private static final class Session {

		final String id;

		final Instant created;

		final SessionRequest request;

		String status = "open";

		boolean paid;

		String paymentIntentId;

		String email;

		String name;

		Session(String id, Instant created, SessionRequest request) {
			this.id = id;
			this.created = created;
			this.request = request;
		}

		long amountTotal() {
			return this.request.lineItems().stream().mapToLong(LineItem::amount).sum();
		}

	}

	private static final class Intent {

		final String id;

		final Instant created;

		final long amount;

		final String currency;

		final Map<String, String> metadata;

		final String description;

		String status = "requires_payment_method";

		long amountReceived;

		String latestCharge;

		PaymentIntentJson.PaymentError lastPaymentError;

		Instant canceledAt;

		Intent(String id, Instant created, Session session) {
			this.id = id;
			this.created = created;
			this.amount = session.amountTotal();
			this.currency = session.request.currency();
			this.metadata = session.request.paymentIntentMetadata();
			this.description = session.request.paymentIntentDescription();
		}

	}

	private static final class Charge {

		final String id;

		final Instant created;

		final Intent intent;

		final String email;

		final String name;

		long amountRefunded;

		Charge(String id, Instant created, Intent intent, String email, String name) {
			this.id = id;
			this.created = created;
			this.intent = intent;
			this.email = email;
			this.name = name;
		}

	}

}
