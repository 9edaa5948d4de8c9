package com.littlethreads.payment.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClientException;

import com.littlethreads.payment.PaymentProblems;
import com.littlethreads.payment.stripe.StripeErrors;
import com.littlethreads.payment.stripe.StripeProperties;

/**
 * Where Stripe (or the emulator) delivers events. The signature is checked over the body
 * bytes exactly as received. An event that could not be applied yet (catalog-service or
 * Stripe unreachable) is answered 503 and Stripe delivers it again; see
 * {@link StripeEvents}.
 */
@RestController
@Tag(name = "Stripe webhook")
class StripeWebhookController {

	private static final Log log = LogFactory.getLog(StripeWebhookController.class);

	private final StripeEvents events;

	private final String secret;

	private final Clock clock;

	private final StripeEventMeters meters;

	StripeWebhookController(StripeEvents events, StripeProperties properties, Clock clock, StripeEventMeters meters) {
		this.meters = meters;
		this.events = events;
		this.secret = properties.webhookSecret();
		this.clock = clock;
	}

	@PostMapping(path = "/api/payments/stripe/webhook", consumes = "*/*")
	@Operation(summary = "Stripe events", description = "Signed by Stripe (Stripe-Signature: t=…,v1=…). "
			+ "A missing or wrong signature, or one older than 5 minutes, gets 400 invalid-signature and changes "
			+ "nothing. An event already applied is acknowledged and ignored.")
	@SecurityRequirements
	@ApiResponse(responseCode = "200", description = "Applied, or already applied before")
	@ApiResponse(responseCode = "503",
			description = "A service the event needs (the catalog, Stripe) is "
					+ "unavailable: nothing was applied, and Stripe delivers the event again later")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(description = "A Stripe event, exactly as Stripe sent it",
			content = @Content(mediaType = "application/json",
					schema = @Schema(type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE)))
	ResponseEntity<Void> receive(@RequestBody(required = false) byte[] body,
			@Parameter(description = "Stripe's signature header") @RequestHeader(name = "Stripe-Signature",
					required = false) String signature) {
		this.meters.received();
		if (body == null || signature == null) {
			this.meters.refused("signature");
			throw PaymentProblems.invalidSignature();
		}
		String payload = new String(body, StandardCharsets.UTF_8);
		try {
			// The signature first: only a caller holding the secret learns anything more
			// about how its payload is read.
			Webhook.Signature.verifyHeader(payload, signature, this.secret, Webhook.DEFAULT_TOLERANCE, this.clock);
		}
		catch (SignatureVerificationException ex) {
			this.meters.refused("signature");
			throw PaymentProblems.invalidSignature();
		}
		Event event;
		try {
			event = MalformedEventException.readable(payload);
		}
		catch (MalformedEventException ex) {
			log.error("A signed Stripe event could not be read (" + ex.getMessage() + "); refused");
			this.meters.refused("malformed");
			throw PaymentProblems.malformedEvent();
		}
		try {
			this.events.process(event, "webhook");
		}
		catch (RestClientException ex) {
			log.warn("Stripe event " + event.getId() + " not applied yet; Stripe will deliver it again", ex);
			throw PaymentProblems.unavailable("inventory-unavailable", "stock service");
		}
		catch (StripeException ex) {
			log.warn("Stripe event " + event.getId() + " not applied yet; Stripe will deliver it again");
			throw StripeErrors.problem("read what event " + event.getId() + " is about", ex);
		}
		return ResponseEntity.ok().build();
	}

}
