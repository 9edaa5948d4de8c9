package com.littlethreads.emulator.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongPredicate;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.littlethreads.emulator.api.FormParams;
import com.littlethreads.emulator.api.StripeApi;
import com.littlethreads.emulator.api.StripeApiException;
import com.littlethreads.emulator.api.StripeError;

/**
 * {@code GET /v1/events/{id}}: an event exactly as it was rendered.
 * {@code GET /v1/events}: Stripe's list, newest first, the recovery Stripe documents for
 * missed webhooks, with {@code limit} (1 to 100, default 10), {@code starting_after}
 * (older than), {@code ending_before} (newer than: the page next to it, still newest
 * first), {@code type} ({@code *} as a wildcard), {@code types[]}, {@code created} (an
 * integer, or {@code gt}, {@code gte}, {@code lt}, {@code lte}) and
 * {@code delivery_success}.
 */
@RestController
@StripeApi
class EventsController {

	private static final Set<String> PARAMETERS = Set.of("limit", "starting_after", "ending_before", "type", "types",
			"created", "delivery_success", "expand");

	private final WebhookEvents events;

	EventsController(WebhookEvents events) {
		this.events = events;
	}

	@GetMapping("/v1/events/{id}")
	ResponseEntity<String> retrieve(@PathVariable String id) {
		WebhookEvents.StoredEvent event = this.events.event(id)
			.orElseThrow(() -> new StripeApiException(404, StripeError.noSuch("event", id, "id")));
		return json(event.payload());
	}

	@GetMapping("/v1/events")
	ResponseEntity<String> list(HttpServletRequest request) {
		FormParams params = FormParams.of(request.getParameterMap());
		params.rejectUnknown(PARAMETERS);
		params.expand(Set.of());
		long limit = params.integer("limit", 1).orElse(10L);
		if (limit > 100) {
			throw StripeApiException.badRequest("This value must be less than or equal to 100.", "limit");
		}
		Optional<String> startingAfter = params.string("starting_after");
		Optional<String> endingBefore = params.string("ending_before");
		if (startingAfter.isPresent() && endingBefore.isPresent()) {
			throw StripeApiException.invalidParameter("parameters_exclusive",
					"The parameters starting_after and ending_before cannot be used together.", "ending_before");
		}
		List<String> types = new ArrayList<>(params.strings("types"));
		params.string("type").ifPresent(types::add);
		if (types.size() > 20) {
			throw StripeApiException.badRequest("types can hold at most 20 event types.", "types");
		}
		LongPredicate created = created(params);
		Optional<Boolean> deliverySuccess = params.string("delivery_success").map((value) -> switch (value) {
			case "true" -> true;
			case "false" -> false;
			default -> throw StripeApiException.badRequest("Invalid boolean: " + value, "delivery_success");
		});
		// Cursors are positions in the whole list, whatever the filters leave of it.
		List<WebhookEvents.StoredEvent> all = this.events.newestFirst();
		int after = startingAfter.map((id) -> indexOf(all, id, "starting_after")).orElse(-1);
		int before = endingBefore.map((id) -> indexOf(all, id, "ending_before")).orElse(all.size());
		List<WebhookEvents.StoredEvent> candidates = new ArrayList<>();
		for (int i = after + 1; i < before; i++) {
			WebhookEvents.StoredEvent event = all.get(i);
			if ((types.isEmpty() || types.stream().anyMatch((type) -> matches(type, event.type())))
					&& created.test(event.created())
					&& deliverySuccess.map((wanted) -> wanted == this.events.delivered(event.id())).orElse(true)) {
				candidates.add(event);
			}
		}
		boolean hasMore = candidates.size() > limit;
		// ending_before: the page next to the cursor, the oldest newer events.
		List<WebhookEvents.StoredEvent> page = !hasMore ? candidates
				: endingBefore.isPresent() ? candidates.subList(candidates.size() - (int) limit, candidates.size())
						: candidates.subList(0, (int) limit);
		StringBuilder body = new StringBuilder("{\"object\":\"list\",\"url\":\"/v1/events\",\"has_more\":")
			.append(hasMore)
			.append(",\"data\":[");
		for (int i = 0; i < page.size(); i++) {
			body.append((i > 0) ? "," : "").append(page.get(i).payload());
		}
		return json(body.append("]}").toString());
	}

	private static LongPredicate created(FormParams params) {
		if (!params.has("created")) {
			return (created) -> true;
		}
		Optional<FormParams> range;
		try {
			range = params.hash("created");
		}
		catch (StripeApiException ex) {
			long exactly = params.integer("created").orElseThrow();
			return (created) -> created == exactly;
		}
		FormParams bounds = range.orElseThrow();
		bounds.rejectUnknown(Set.of("gt", "gte", "lt", "lte"));
		long gt = bounds.integer("gt").orElse(Long.MIN_VALUE);
		long gte = bounds.integer("gte").orElse(Long.MIN_VALUE);
		long lt = bounds.integer("lt").orElse(Long.MAX_VALUE);
		long lte = bounds.integer("lte").orElse(Long.MAX_VALUE);
		return (created) -> created > gt && created >= gte && created < lt && created <= lte;
	}

	private static boolean matches(String pattern, String type) {
		if (pattern.endsWith("*")) {
			return type.startsWith(pattern.substring(0, pattern.length() - 1));
		}
		return pattern.equals(type);
	}

	private static int indexOf(List<WebhookEvents.StoredEvent> events, String id, String param) {
		for (int i = 0; i < events.size(); i++) {
			if (events.get(i).id().equals(id)) {
				return i;
			}
		}
		throw new StripeApiException(400, StripeError.noSuch("event", id, param), true);
	}

	private static ResponseEntity<String> json(String body) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
	}

}
