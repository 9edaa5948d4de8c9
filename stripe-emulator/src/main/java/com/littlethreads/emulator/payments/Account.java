package com.littlethreads.emulator.payments;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import com.littlethreads.emulator.EmulatorProperties;
import com.littlethreads.emulator.api.StripeApiException;
import com.littlethreads.emulator.api.StripeError;
import com.littlethreads.emulator.api.StripeIds;
import com.littlethreads.emulator.webhook.WebhookEvents;

import org.springframework.stereotype.Component;

/**
 * The emulator's one Stripe test account, in memory: Checkout Sessions, PaymentIntents,
 * the charges their payments create, refunds and disputes. Every change happens under one
 * lock, so a payment and an expiry of the same session cannot both win, and emits its
 * events while the state they describe is current. What Stripe does later by itself
 * (expiring sessions, settling delayed payments, failing refunds) happens when the clock
 * says so, in {@link #tick()}.
 */
@Component
class Account {

	private static final List<String> CARD = List.of("card");

	private final Map<String, Session> sessions = new LinkedHashMap<>();

	private final Map<String, Intent> intents = new HashMap<>();

	private final Map<String, Charge> charges = new HashMap<>();

	/** Oldest first. */
	private final Map<String, Refund> refunds = new LinkedHashMap<>();

	private final Map<String, Dispute> disputes = new HashMap<>();

	private final EmulatorProperties properties;

	private final WebhookEvents events;

	private final Clock clock;

	Account(EmulatorProperties properties, WebhookEvents events, Clock clock) {
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	// Checkout Sessions

	synchronized SessionJson createSession(SessionRequest request) {
		Session session = new Session(StripeIds.next("cs_test_", 58), now(), request);
		this.sessions.put(session.id, session);
		return json(session, false);
	}

	/**
	 * A session as the API shows it. Reading it never expires it: only the clock does
	 * (see {@link #tick()}), so for a while after its {@code expires_at} a session can
	 * still read {@code open}, as Stripe's can.
	 */
	synchronized SessionJson session(String id, boolean expandPaymentIntent) {
		return json(existingSession(id), expandPaymentIntent);
	}

	synchronized SessionJson expire(String id, boolean expandPaymentIntent) {
		Session session = existingSession(id);
		if (!"open".equals(session.status)) {
			throw StripeApiException.refused(null, "Only Checkout Sessions with a status in [\"open\"] can be expired. "
					+ "This Checkout Session has a status of \"" + session.status + "\".", null);
		}
		expire(session);
		return json(session, expandPaymentIntent);
	}

	synchronized Optional<CheckoutPage> checkoutPage(String id) {
		return Optional.ofNullable(this.sessions.get(id)).map(this::page);
	}

	synchronized Optional<PaymentResult> payByCard(String id, String email, String name, String cardNumber) {
		Session session = this.sessions.get(id);
		if (session == null) {
			return Optional.empty();
		}
		if (!takesPayment(session)) {
			return Optional.of(new PaymentResult.NotOpen(page(session)));
		}
		Intent intent = sessionIntent(session);
		session.email = email;
		session.name = name;
		intent.paymentMethod = "pm_card";
		TestCards.Behaviour behaviour = TestCards.behaviour(cardNumber);
		if (behaviour == TestCards.Behaviour.DECLINED) {
			TestCards.Decline decline = TestCards.decline(cardNumber).orElseThrow();
			intent.decline(decline.code(), decline.declineCode(), decline.message());
			return Optional.of(new PaymentResult.Declined(page(session), decline.message()));
		}
		if (behaviour == TestCards.Behaviour.AUTHENTICATES) {
			intent.status = "requires_action";
			intent.pendingCard = cardNumber;
			return Optional.of(new PaymentResult.AuthenticationRequired(page(session)));
		}
		succeed(intent, behaviour, email, name);
		return Optional.of(new PaymentResult.Paid(page(session)));
	}

	/**
	 * The shopper completed or failed the 3D Secure check the card asked for.
	 */
	synchronized Optional<PaymentResult> authenticate(String id, boolean completed) {
		Session session = this.sessions.get(id);
		if (session == null) {
			return Optional.empty();
		}
		Intent intent = (session.paymentIntentId != null) ? this.intents.get(session.paymentIntentId) : null;
		if (!takesPayment(session) || intent == null || !"requires_action".equals(intent.status)) {
			return Optional.of(new PaymentResult.NotOpen(page(session)));
		}
		if (!completed) {
			String message = "We are unable to authenticate your payment method. Please choose a different payment "
					+ "method and try again.";
			intent.decline("payment_intent_authentication_failure", null, message);
			return Optional.of(new PaymentResult.Declined(page(session), message));
		}
		succeed(intent, TestCards.Behaviour.PAYS, session.email, session.name);
		return Optional.of(new PaymentResult.Paid(page(session)));
	}

	synchronized Optional<PaymentResult> payByBacsDebit(String id, String email, String name, boolean settles) {
		Session session = this.sessions.get(id);
		if (session == null) {
			return Optional.empty();
		}
		if (!takesPayment(session) || !session.paymentMethodTypes().contains("bacs_debit")) {
			return Optional.of(new PaymentResult.NotOpen(page(session)));
		}
		Intent intent = sessionIntent(session);
		session.email = email;
		session.name = name;
		intent.paymentMethod = "pm_bacs_debit";
		intent.status = "processing";
		intent.lastPaymentError = null;
		intent.settlesAt = now().plus(this.properties.delayedPaymentDelay());
		intent.settles = settles;
		session.status = "complete";
		this.events.emit("checkout.session.completed", session.id, json(session, false));
		return Optional.of(new PaymentResult.Processing(page(session)));
	}

	// PaymentIntents

	synchronized PaymentIntentJson createPaymentIntent(PaymentIntentRequest request) {
		Intent intent = new Intent(StripeIds.next("pi_", 24), now(), request.amount(), request.currency(),
				request.metadata(), request.description(),
				(request.paymentMethodTypes() != null) ? request.paymentMethodTypes() : CARD, null);
		String card = null;
		if (request.paymentMethod() != null) {
			card = TestCards.cardOf(request.paymentMethod())
				.orElseThrow(() -> new StripeApiException(400,
						StripeError.noSuch("PaymentMethod", request.paymentMethod(), "payment_method")));
			intent.paymentMethod = request.paymentMethod();
		}
		if (!request.confirm()) {
			intent.status = (card != null) ? "requires_confirmation" : "requires_payment_method";
			this.intents.put(intent.id, intent);
			return json(intent, request.expandLatestCharge());
		}
		if (card == null) {
			throw StripeApiException.refused("payment_intent_unexpected_state",
					"You cannot confirm this PaymentIntent because it's missing a payment method.", "payment_method");
		}
		if (request.mayRedirect() && request.returnUrl() == null) {
			throw StripeApiException.refused(null,
					"This PaymentIntent is configured to accept payment methods enabled in your Dashboard. Because "
							+ "some of these payment methods might redirect your customer off of your page, you must "
							+ "provide a `return_url`. If you don't want to accept redirect-based payment methods, set "
							+ "`automatic_payment_methods[enabled]` to `true` and "
							+ "`automatic_payment_methods[allow_redirects]` to `never`.",
					null);
		}
		this.intents.put(intent.id, intent);
		TestCards.Behaviour behaviour = TestCards.behaviour(card);
		switch (behaviour) {
			case DECLINED -> {
				TestCards.Decline decline = TestCards.decline(card).orElseThrow();
				intent.decline(decline.code(), decline.declineCode(), decline.message());
				// Saved under its idempotency key like any result of a request that ran.
				throw new StripeApiException(402, StripeError.cardError(decline.code(), decline.declineCode(),
						decline.message(), json(intent, false)));
			}
			case AUTHENTICATES -> {
				intent.status = "requires_action";
				intent.pendingCard = card;
			}
			default -> succeed(intent, behaviour, null, null);
		}
		return json(intent, request.expandLatestCharge());
	}

	synchronized PaymentIntentJson paymentIntent(String id, boolean expandLatestCharge) {
		Intent intent = this.intents.get(id);
		if (intent == null) {
			throw new StripeApiException(404, StripeError.noSuch("payment_intent", id, "intent"));
		}
		return json(intent, expandLatestCharge);
	}

	// Charges, refunds and disputes

	synchronized ChargeJson charge(String id) {
		Charge charge = this.charges.get(id);
		if (charge == null) {
			throw new StripeApiException(404, StripeError.noSuch("charge", id, "charge"));
		}
		return json(charge);
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
				throw StripeApiException.refused(null,
						"This PaymentIntent (" + intent.id + ") does not have a successful charge to refund.",
						"payment_intent");
			}
			charge = this.charges.get(intent.latestCharge);
			if (request.charge() != null && !request.charge().equals(charge.id)) {
				throw StripeApiException.refused(null,
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
			throw StripeApiException.refused("charge_already_refunded",
					"Charge " + charge.id + " has already been refunded.", "charge");
		}
		long amount = (request.amount() != null) ? request.amount() : remaining;
		if (amount > remaining) {
			throw StripeApiException.refused("amount_too_large",
					"Refund amount (" + Money.format(amount, charge.intent.currency, Locale.UK)
							+ ") is greater than unrefunded amount on charge ("
							+ Money.format(remaining, charge.intent.currency, Locale.UK) + ")",
					"amount");
		}
		Refund refund = new Refund(StripeIds.next("re_", 24), now(), amount, charge, request.metadata(),
				request.reason());
		if (charge.refundsFail) {
			// Stripe shows such a refund succeeded at first and fails it later.
			refund.failsAt = now().plus(this.properties.refundFailureDelay());
		}
		this.refunds.put(refund.id, refund);
		charge.amountRefunded += amount;
		this.events.emit("refund.created", refund.id, json(refund));
		this.events.emit("charge.refunded", charge.id, json(charge));
		return json(refund);
	}

	synchronized RefundJson refund(String id) {
		Refund refund = this.refunds.get(id);
		if (refund == null) {
			throw new StripeApiException(404, StripeError.noSuch("refund", id, "refund"));
		}
		return json(refund);
	}

	/**
	 * Refunds newest first, as Stripe lists them.
	 */
	synchronized ListJson<RefundJson> refunds(RefundListRequest request) {
		Predicate<Refund> matches = (
				refund) -> (request.paymentIntent() == null || request.paymentIntent().equals(refund.charge.intent.id))
						&& (request.charge() == null || request.charge().equals(refund.charge.id));
		List<Refund> newestFirst = new ArrayList<>(this.refunds.values());
		Collections.reverse(newestFirst);
		int after = (request.startingAfter() != null) ? indexOf(newestFirst, request.startingAfter(), "starting_after")
				: -1;
		int before = (request.endingBefore() != null) ? indexOf(newestFirst, request.endingBefore(), "ending_before")
				: newestFirst.size();
		List<Refund> candidates = newestFirst.subList(after + 1, before).stream().filter(matches).toList();
		boolean hasMore = candidates.size() > request.limit();
		List<Refund> page = !hasMore ? candidates
				: (request.endingBefore() != null)
						? candidates.subList(candidates.size() - request.limit(), candidates.size())
						: candidates.subList(0, request.limit());
		return new ListJson<>("list", "/v1/refunds", hasMore, page.stream().map(Account::json).toList());
	}

	synchronized DisputeJson dispute(String id) {
		Dispute dispute = this.disputes.get(id);
		if (dispute == null) {
			throw new StripeApiException(404, StripeError.noSuch("dispute", id, "dispute"));
		}
		return json(dispute);
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

	// Time

	/**
	 * Does what is due by the clock: expires open sessions {@code expiry-delay} past
	 * their {@code expires_at}, settles or fails delayed payments, fails refunds of cards
	 * whose refunds fail.
	 * @return how many things happened
	 */
	synchronized int tick() {
		Instant now = now();
		int happened = 0;
		for (Session session : this.sessions.values()) {
			if ("open".equals(session.status)
					&& !now.isBefore(session.request.expiresAt().plus(this.properties.expiryDelay()))) {
				expire(session);
				happened++;
			}
		}
		for (Session session : this.sessions.values()) {
			Intent intent = (session.paymentIntentId != null) ? this.intents.get(session.paymentIntentId) : null;
			if (intent != null && "processing".equals(intent.status) && !now.isBefore(intent.settlesAt)) {
				settle(session, intent);
				happened++;
			}
		}
		for (Refund refund : this.refunds.values()) {
			if (refund.failsAt != null && "succeeded".equals(refund.status) && !now.isBefore(refund.failsAt)) {
				fail(refund);
				happened++;
			}
		}
		return happened;
	}

	private void settle(Session session, Intent intent) {
		if (intent.settles) {
			Charge charge = newCharge(intent, TestCards.Behaviour.PAYS, session.email, session.name);
			intent.status = "succeeded";
			intent.amountReceived = intent.amount;
			intent.latestCharge = charge.id;
			session.paid = true;
			this.events.emit("checkout.session.async_payment_succeeded", session.id, json(session, false));
		}
		else {
			intent.decline("insufficient_funds", null,
					"The customer's bank account has insufficient funds to cover this payment.");
			this.events.emit("checkout.session.async_payment_failed", session.id, json(session, false));
		}
	}

	private void fail(Refund refund) {
		refund.status = "failed";
		refund.failureReason = "expired_or_canceled_card";
		refund.charge.amountRefunded -= refund.amount;
		RefundJson failed = json(refund);
		this.events.emit("charge.refund.updated", refund.id, failed);
		this.events.emit("refund.updated", refund.id, failed);
		this.events.emit("refund.failed", refund.id, failed);
	}

	private void succeed(Intent intent, TestCards.Behaviour behaviour, String email, String name) {
		Charge charge = newCharge(intent, behaviour, email, name);
		intent.status = "succeeded";
		intent.amountReceived = intent.amount;
		intent.latestCharge = charge.id;
		intent.lastPaymentError = null;
		intent.pendingCard = null;
		Session session = (intent.sessionId != null) ? this.sessions.get(intent.sessionId) : null;
		if (session != null) {
			session.status = "complete";
			session.paid = true;
			this.events.emit("checkout.session.completed", session.id, json(session, false));
		}
		if (behaviour == TestCards.Behaviour.PAYS_THEN_DISPUTED) {
			Dispute dispute = new Dispute(StripeIds.next("dp_", 24), now(), charge);
			this.disputes.put(dispute.id, dispute);
			charge.disputed = true;
			this.events.emit("charge.dispute.created", dispute.id, json(dispute));
		}
	}

	private Charge newCharge(Intent intent, TestCards.Behaviour behaviour, String email, String name) {
		Charge charge = new Charge(StripeIds.next("ch_", 24), now(), intent, email, name,
				behaviour == TestCards.Behaviour.PAYS_REFUNDS_FAIL);
		this.charges.put(charge.id, charge);
		return charge;
	}

	private Session existingSession(String id) {
		Session session = this.sessions.get(id);
		if (session == null) {
			throw new StripeApiException(404, StripeError.noSuch("checkout.session", id, "session"));
		}
		return session;
	}

	/**
	 * Whether the session's page takes a payment: open and not past its
	 * {@code expires_at}, whether or not the clock has expired it yet.
	 */
	private boolean takesPayment(Session session) {
		return "open".equals(session.status) && now().isBefore(session.request.expiresAt());
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

	private Intent sessionIntent(Session session) {
		if (session.paymentIntentId != null) {
			return this.intents.get(session.paymentIntentId);
		}
		SessionRequest request = session.request;
		Intent intent = new Intent(StripeIds.next("pi_", 24), now(), session.amountTotal(), request.currency(),
				request.paymentIntentMetadata(), request.paymentIntentDescription(), session.paymentMethodTypes(),
				session.id);
		this.intents.put(intent.id, intent);
		session.paymentIntentId = intent.id;
		return intent;
	}

	private static int indexOf(List<Refund> refunds, String id, String param) {
		for (int i = 0; i < refunds.size(); i++) {
			if (refunds.get(i).id.equals(id)) {
				return i;
			}
		}
		throw new StripeApiException(400, StripeError.noSuch("refund", id, param), true);
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
		String status = ("open".equals(session.status) && !takesPayment(session)) ? "expired" : session.status;
		Intent intent = (session.paymentIntentId != null) ? this.intents.get(session.paymentIntentId) : null;
		return new CheckoutPage(session.id, status, request.currency(), request.lineItems(), session.amountTotal(),
				(session.email != null) ? session.email : request.customerEmail(), successUrl, request.cancelUrl(),
				request.locale(), request.expiresAt(), session.paymentMethodTypes(),
				intent != null && "processing".equals(intent.status));
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
				request.metadata(), "payment", paymentIntent, session.paymentMethodTypes(),
				session.paid ? "paid" : "unpaid", session.status, request.successUrl(),
				new SessionJson.TotalDetails(0, 0, 0), "hosted",
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
				intent.description, intent.lastPaymentError, latestCharge, false, intent.metadata,
				"requires_action".equals(intent.status) ? Map.of("type", "use_stripe_sdk") : null, intent.paymentMethod,
				intent.paymentMethodTypes, intent.status);
	}

	private static ChargeJson json(Charge charge) {
		Intent intent = charge.intent;
		return new ChargeJson(charge.id, "charge", intent.amount, intent.amount, charge.amountRefunded,
				new ChargeJson.BillingDetails(charge.email, charge.name), true, epoch(charge.created), intent.currency,
				charge.disputed, false, intent.metadata, true, intent.id, charge.amountRefunded == intent.amount,
				"succeeded");
	}

	private static RefundJson json(Refund refund) {
		return new RefundJson(refund.id, "refund", refund.amount, refund.charge.id, epoch(refund.created),
				refund.charge.intent.currency, refund.failureReason, refund.metadata, refund.charge.intent.id,
				refund.reason, refund.status);
	}

	private static DisputeJson json(Dispute dispute) {
		Charge charge = dispute.charge;
		return new DisputeJson(dispute.id, "dispute", charge.intent.amount, charge.id, epoch(dispute.created),
				charge.intent.currency, false, Map.of(), charge.intent.id, "fraudulent", "needs_response");
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

		/**
		 * The methods the session takes: those asked for, or the account's, as at Stripe
		 * when none are: card, and for gbp Bacs Direct Debit.
		 */
		List<String> paymentMethodTypes() {
			if (this.request.paymentMethodTypes() != null) {
				return this.request.paymentMethodTypes();
			}
			return "gbp".equals(this.request.currency()) ? List.of("card", "bacs_debit") : CARD;
		}

	}

	private static final class Intent {

		final String id;

		final Instant created;

		final long amount;

		final String currency;

		final Map<String, String> metadata;

		final String description;

		final List<String> paymentMethodTypes;

		final String sessionId;

		String status = "requires_payment_method";

		String paymentMethod;

		long amountReceived;

		String latestCharge;

		PaymentIntentJson.PaymentError lastPaymentError;

		Instant canceledAt;

		/** The card waiting for 3D Secure, while {@code requires_action}. */
		String pendingCard;

		/** When a processing delayed payment settles or fails. */
		Instant settlesAt;

		boolean settles;

		Intent(String id, Instant created, long amount, String currency, Map<String, String> metadata,
				String description, List<String> paymentMethodTypes, String sessionId) {
			this.id = id;
			this.created = created;
			this.amount = amount;
			this.currency = currency;
			this.metadata = metadata;
			this.description = description;
			this.paymentMethodTypes = paymentMethodTypes;
			this.sessionId = sessionId;
		}

		void decline(String code, String declineCode, String message) {
			this.status = "requires_payment_method";
			this.pendingCard = null;
			this.lastPaymentError = new PaymentIntentJson.PaymentError(
					"payment_intent_authentication_failure".equals(code) ? "invalid_request_error" : "card_error", code,
					declineCode, message);
		}

	}

	private static final class Charge {

		final String id;

		final Instant created;

		final Intent intent;

		final String email;

		final String name;

		final boolean refundsFail;

		/** Refunded or being refunded: succeeded and pending refunds. */
		long amountRefunded;

		boolean disputed;

		Charge(String id, Instant created, Intent intent, String email, String name, boolean refundsFail) {
			this.id = id;
			this.created = created;
			this.intent = intent;
			this.email = email;
			this.name = name;
			this.refundsFail = refundsFail;
		}

	}

	private static final class Refund {

		final String id;

		final Instant created;

		final long amount;

		final Charge charge;

		final Map<String, String> metadata;

		final String reason;

		String status = "succeeded";

		String failureReason;

		Instant failsAt;

		Refund(String id, Instant created, long amount, Charge charge, Map<String, String> metadata, String reason) {
			this.id = id;
			this.created = created;
			this.amount = amount;
			this.charge = charge;
			this.metadata = metadata;
			this.reason = reason;
		}

	}

	private static final class Dispute {

		final String id;

		final Instant created;

		final Charge charge;

		Dispute(String id, Instant created, Charge charge) {
			this.id = id;
			this.created = created;
			this.charge = charge;
		}

	}

}
