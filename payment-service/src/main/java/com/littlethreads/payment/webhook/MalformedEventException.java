package com.littlethreads.payment.webhook;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.stripe.model.Event;
import com.stripe.net.ApiResource;

/**
 * A correctly signed event that cannot be read as a Stripe event at all: no id, type or
 * data object, or an envelope field of the wrong type. Stripe never sends one, and
 * without an id it cannot even be recorded, so the webhook answers 400 (Stripe would show
 * it as failed and retry it). An event that is readable but whose object is not is
 * refused and recorded by {@link StripeEvents} instead.
 * <p>
 * stripe-java reads events with Gson, which reports a field of the wrong shape with
 * unchecked exceptions of several kinds; they are caught here, around the reading only,
 * so that a fault in our own handling is never mistaken for a bad event.
 */
class MalformedEventException extends RuntimeException {

	MalformedEventException(String message, Throwable cause) {
		super(message, cause);
	}

	/**
	 * The event in a verified payload, with the fields every handler relies on.
	 * @param payload the signed body
	 * @return the event
	 * @throws MalformedEventException if it cannot be read as one
	 */
	static Event readable(String payload) {
		Event event = reading(() -> {
			JsonObject envelope = JsonParser.parseString(payload).getAsJsonObject();
			// Whether there is an object, not yet what is in it: a field of the wrong
			// shape
			// inside it makes an event that is refused and recorded, not this.
			JsonElement data = envelope.get("data");
			JsonElement object = (data != null && data.isJsonObject()) ? data.getAsJsonObject().get("object") : null;
			Event read = ApiResource.GSON.fromJson(envelope, Event.class);
			boolean complete = read != null && read.getId() != null && read.getType() != null && object != null
					&& object.isJsonObject();
			return complete ? read : null;
		});
		if (event == null) {
			throw new MalformedEventException("no id, type or data object", null);
		}
		return event;
	}

	static <T, E extends Exception> T reading(Reading<T, E> reading) throws E {
		try {
			return reading.read();
		}
		catch (JsonParseException | IllegalStateException | UnsupportedOperationException | ClassCastException
				| NullPointerException | NumberFormatException ex) {
			throw new MalformedEventException(ex.getClass().getSimpleName(), ex);
		}
	}

	interface Reading<T, E extends Exception> {

		T read() throws E;

	}

}
