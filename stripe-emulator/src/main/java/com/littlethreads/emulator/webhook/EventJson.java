package com.littlethreads.emulator.webhook;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An {@code event} as Stripe delivers it to a webhook endpoint.
 *
 * @param id {@code evt_…}
 * @param object always {@code event}
 * @param apiVersion {@code emulator.webhook.api-version}, by default stripe-java's
 * {@code Stripe.API_VERSION}; with any other version stripe-java's
 * {@code getDataObjectDeserializer().getObject()} comes back empty
 * @param created creation time, Unix seconds
 * @param data the object the event is about
 * @param livemode always {@code false}
 * @param pendingWebhooks endpoints still to be delivered to: the one configured, none
 * when its type is dropped
 * @param request the API request that caused the event; empty for the emulator
 * @param type for example {@code checkout.session.completed}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record EventJson(String id, String object, String apiVersion, long created, Data data, boolean livemode,
		int pendingWebhooks, Request request, String type) {

	/**
	 * The event's payload.
	 *
	 * @param object the object, as its API endpoint would return it
	 */
	record Data(Object object) {

	}

	/**
	 * The causing request.
	 *
	 * @param id the request id, or {@code null}
	 * @param idempotencyKey its idempotency key, or {@code null}
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record Request(String id, String idempotencyKey) {

	}

}
