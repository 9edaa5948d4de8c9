package com.littlethreads.emulator.webhook;

import java.time.Instant;

/**
 * Where the delivery of one event stands.
 *
 * @param eventId the event's id
 * @param type the event's type
 * @param objectId the id of the object the event is about
 * @param created when the event happened
 * @param payload the JSON delivered
 * @param attempts attempts made so far
 * @param state {@link State#PENDING} until delivered or given up
 * @param lastResult the last attempt's HTTP status or error ({@code null} before any)
 */
public record Delivery(String eventId, String type, String objectId, Instant created, String payload, int attempts,
		State state, String lastResult) {

	/**
	 * The outcome so far.
	 */
	public enum State {

		/** Not yet delivered; another attempt is scheduled. */
		PENDING,

		/** The receiver answered 2xx. */
		DELIVERED,

		/** Every attempt failed. */
		FAILED,

		/**
		 * Never attempted: {@code emulator.webhook.drop} names its type, so that recovery
		 * through {@code GET /v1/events} can be tested.
		 */
		DROPPED

	}

	Delivery attempted(State state, String result) {
		return new Delivery(this.eventId, this.type, this.objectId, this.created, this.payload, this.attempts + 1,
				state, result);
	}

}
