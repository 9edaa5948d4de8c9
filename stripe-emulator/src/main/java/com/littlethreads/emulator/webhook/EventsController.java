package com.littlethreads.emulator.webhook;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.littlethreads.emulator.api.StripeApi;
import com.littlethreads.emulator.api.StripeApiException;
import com.littlethreads.emulator.api.StripeError;

/**
 * {@code GET /v1/events/{id}}: an event exactly as it was delivered, for a receiver that
 * wants to re-read one (as Stripe's docs suggest). Only recent events are kept.
 */
@RestController
@StripeApi
class EventsController {

	private final WebhookEvents events;

	EventsController(WebhookEvents events) {
		this.events = events;
	}

	@GetMapping("/v1/events/{id}")
	ResponseEntity<String> retrieve(@PathVariable String id) {
		Delivery delivery = this.events.delivery(id)
			.orElseThrow(() -> new StripeApiException(404, StripeError.noSuch("event", id, "id")));
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(delivery.payload());
	}

}
