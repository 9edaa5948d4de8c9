package com.littlethreads.emulator.payments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import com.littlethreads.emulator.webhook.Delivery;
import com.littlethreads.emulator.webhook.WebhookEvents;

import static com.littlethreads.emulator.payments.CheckoutPageHtml.htmlEscape;

/**
 * {@code GET /}: a developer's view of the recent sessions (each linked to its checkout
 * page) and webhook deliveries, to see at a glance what payment-service asked for and
 * what it was told.
 */
@Controller
class OverviewController {

	private static final int SHOWN = 50;

	private final Account account;

	private final WebhookEvents events;

	OverviewController(Account account, WebhookEvents events) {
		this.account = account;
		this.events = events;
	}

	@GetMapping("/")
	ResponseEntity<String> overview() {
		StringBuilder html = new StringBuilder(8192);
		html.append("<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">")
			.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
			.append("<title>Stripe emulator</title><style>")
			.append(CheckoutPageHtml.STYLE)
			.append("main{max-width:72rem}td,th{padding:.4rem .5rem;font-size:.9rem;vertical-align:top}")
			.append("code{font-size:.85rem;word-break:break-all}</style></head>\n<body>\n<main>\n")
			.append("<p class=\"badge\">Test mode &middot; Stripe emulator</p>\n<h1>Stripe emulator</h1>\n");
		sessions(html, this.account.recentSessions(SHOWN));
		deliveries(html, this.events.deliveries());
		html.append("</main>\n</body>\n</html>\n");
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
			.cacheControl(CacheControl.noStore())
			.body(html.toString());
	}

	private static void sessions(StringBuilder html, List<SessionJson> sessions) {
		html.append("<h2 id=\"sessions\">Checkout Sessions</h2>\n");
		if (sessions.isEmpty()) {
			html.append("<p>None yet.</p>\n");
			return;
		}
		html.append("<table>\n<thead><tr><th scope=\"col\">Session</th><th scope=\"col\">Created</th>")
			.append("<th scope=\"col\">Reference</th><th scope=\"col\" class=\"num\">Total</th>")
			.append("<th scope=\"col\">Status</th><th scope=\"col\">Payment</th></tr></thead>\n<tbody>\n");
		for (SessionJson session : sessions) {
			html.append("<tr><td><code>");
			if (session.url() != null) {
				html.append("<a href=\"/checkout/")
					.append(htmlEscape(session.id()))
					.append("\">")
					.append(htmlEscape(session.id()))
					.append("</a>");
			}
			else {
				html.append(htmlEscape(session.id()));
			}
			html.append("</code></td><td>")
				.append(Instant.ofEpochSecond(session.created()))
				.append("</td><td>")
				.append(htmlEscape(String.valueOf(session.clientReferenceId())))
				.append("</td><td class=\"num\">")
				.append(htmlEscape(Money.format(session.amountTotal(), session.currency(), Locale.UK)))
				.append("</td><td>")
				.append(session.status())
				.append("</td><td>")
				.append(session.paymentStatus())
				.append("</td></tr>\n");
		}
		html.append("</tbody>\n</table>\n");
	}

	private static void deliveries(StringBuilder html, List<Delivery> deliveries) {
		html.append("<h2 id=\"deliveries\">Webhook deliveries</h2>\n");
		if (deliveries.isEmpty()) {
			html.append("<p>None yet.</p>\n");
			return;
		}
		html.append("<table>\n<thead><tr><th scope=\"col\">Event</th><th scope=\"col\">Type</th>")
			.append("<th scope=\"col\">Object</th><th scope=\"col\">State</th>")
			.append("<th scope=\"col\" class=\"num\">Attempts</th><th scope=\"col\">Last result</th></tr></thead>\n")
			.append("<tbody>\n");
		List<Delivery> newestFirst = new ArrayList<>(deliveries);
		Collections.reverse(newestFirst);
		newestFirst = newestFirst.subList(0, Math.min(SHOWN, newestFirst.size()));
		for (Delivery delivery : newestFirst) {
			html.append("<tr><td><code>")
				.append(htmlEscape(delivery.eventId()))
				.append("</code></td><td>")
				.append(htmlEscape(delivery.type()))
				.append("</td><td><code>")
				.append(htmlEscape(delivery.objectId()))
				.append("</code></td><td>")
				.append(delivery.state().name().toLowerCase(Locale.ROOT))
				.append("</td><td class=\"num\">")
				.append(delivery.attempts())
				.append("</td><td>")
				.append(htmlEscape(String.valueOf(delivery.lastResult())))
				.append("</td></tr>\n");
		}
		html.append("</tbody>\n</table>\n");
	}

}
