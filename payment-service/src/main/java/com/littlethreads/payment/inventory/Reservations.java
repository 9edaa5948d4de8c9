package com.littlethreads.payment.inventory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import com.littlethreads.payment.PaymentProperties;
import com.littlethreads.payment.ServiceClients;

/**
 * Stock reservations through catalog-service's internal inventory API: all lines or none,
 * idempotent per order id. Calls carry this service's token; a token the catalog rejects
 * is renewed once.
 */
@Component
public class Reservations {

	private final RestClient catalog;

	private final ServiceTokens tokens;

	Reservations(RestClient.Builder builder, PaymentProperties properties, ServiceTokens tokens) {
		this.catalog = ServiceClients.create(builder, properties.catalogUris(), properties);
		this.tokens = tokens;
	}

	/**
	 * Holds stock for an order until {@code expiresAt}.
	 * @param orderId the order
	 * @param lines what to hold
	 * @param expiresAt when the hold lapses by itself
	 * @throws InsufficientStockException if some line cannot be filled (nothing held)
	 * @throws UnknownSkusException if the catalog no longer sells some SKU
	 * @throws InventoryUnavailableException if the outcome is unknown
	 */
	public void reserve(String orderId, List<Line> lines, Instant expiresAt) {
		call("/internal/inventory/reservations", new ReserveRequest(orderId, lines, expiresAt), (status, body) -> {
			if (status.is2xxSuccessful()) {
				return null;
			}
			if (status.value() == 409 && isType(body, "insufficient-stock")) {
				throw new InsufficientStockException(shortLines(body));
			}
			if (status.value() == 422 && isType(body, "unknown-sku")) {
				List<String> skus = new ArrayList<>();
				body.path("skus").forEach((sku) -> skus.add(sku.asString()));
				throw new UnknownSkusException(skus);
			}
			throw new InventoryUnavailableException("Reservation for %s answered %s".formatted(orderId, status), null);
		});
	}

	/**
	 * Turns an order's hold into a sale.
	 * @param orderId the order
	 * @throws InsufficientStockException if the hold lapsed and the stock has gone since
	 * @throws InventoryUnavailableException if the outcome is unknown
	 */
	public void commit(String orderId) {
		call("/internal/inventory/reservations/{orderId}/commit", null, (status, body) -> {
			if (status.is2xxSuccessful()) {
				return null;
			}
			if (status.value() == 409 && isType(body, "insufficient-stock")) {
				throw new InsufficientStockException(shortLines(body));
			}
			throw new InventoryUnavailableException("Commit of %s answered %s".formatted(orderId, status), null);
		}, orderId);
	}

	/**
	 * Returns an order's held stock. Releasing an order that holds nothing (never
	 * reserved) is not an error.
	 * @param orderId the order
	 * @return {@code false} if the reservation was already committed (so nothing was
	 * released)
	 * @throws InventoryUnavailableException if the outcome is unknown
	 */
	public boolean release(String orderId) {
		return call("/internal/inventory/reservations/{orderId}/release", null, (status, body) -> {
			if (status.is2xxSuccessful() || status.value() == 404) {
				return true;
			}
			if (status.value() == 409 && isType(body, "reservation-committed")) {
				return false;
			}
			throw new InventoryUnavailableException("Release of %s answered %s".formatted(orderId, status), null);
		}, orderId);
	}

	/**
	 * Posts to the inventory API.
	 * @param path the path, a URI template
	 * @param body the JSON body, or {@code null}
	 * @param outcome what the answer means
	 * @param pathVariables the template's values, each encoded as a value (never
	 * concatenated into the path)
	 */
	private <T> T call(String path, Object body, Outcome<T> outcome, Object... pathVariables) {
		try {
			String token = this.tokens.token();
			Answer answer = post(path, pathVariables, body, token);
			if (answer.status().value() == 401) {
				this.tokens.forget(token);
				answer = post(path, pathVariables, body, this.tokens.token());
			}
			return outcome.apply(answer.status(), answer.body());
		}
		catch (RestClientException ex) {
			throw new InventoryUnavailableException("catalog-service did not answer " + path, ex);
		}
	}

	private Answer post(String path, Object[] pathVariables, Object body, String token) {
		RestClient.RequestBodySpec request = this.catalog.post()
			.uri(path, pathVariables)
			.headers((headers) -> headers.setBearerAuth(token))
			.accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		return request.exchange((req, response) -> {
			JsonNode json = null;
			try {
				json = response.bodyTo(JsonNode.class);
			}
			catch (RuntimeException ex) {
				// An unreadable body: the status alone decides.
			}
			return new Answer(response.getStatusCode(), json);
		});
	}

	private static boolean isType(JsonNode body, String slug) {
		return body != null && body.path("type").asString("").endsWith("/" + slug);
	}

	private static List<InsufficientStockException.ShortLine> shortLines(JsonNode body) {
		List<InsufficientStockException.ShortLine> lines = new ArrayList<>();
		body.path("lines")
			.forEach((line) -> lines.add(new InsufficientStockException.ShortLine(line.path("sku").asString(),
					line.path("requested").asInt(), line.path("available").asInt())));
		return lines;
	}

	private record Answer(HttpStatusCode status, JsonNode body) {

	}

	@FunctionalInterface
	private interface Outcome<T> {

		T apply(HttpStatusCode status, JsonNode body);

	}

	/**
	 * A line to hold.
	 *
	 * @param sku the variant
	 * @param quantity how many
	 */
	public record Line(String sku, int quantity) {

	}

	record ReserveRequest(String orderId, List<Line> lines, Instant expiresAt) {

	}

}
