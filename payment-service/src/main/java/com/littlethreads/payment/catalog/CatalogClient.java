package com.littlethreads.payment.catalog;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.annotation.ClientRegistrationId;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * catalog-service as payment-service calls it: authoritative prices from its public
 * variants endpoint (a client never tells us what something costs), and stock
 * reservations through its internal inventory API (all lines or none, idempotent per
 * order id) with this service's token. Catalog's problems arrive as
 * {@link InsufficientStockException}, {@link UnknownSkusException} and
 * {@link ReservationCommittedException}; any other failure, a token that could not be had
 * included, is a {@link org.springframework.web.client.RestClientException}: the outcome
 * of the call is unknown.
 */
@HttpExchange(accept = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
public interface CatalogClient {

	/**
	 * The sellable variants among the given SKUs. Each SKU is sent as a URI variable, so
	 * it is encoded as a value: "A&amp;sku=B" stays one SKU and "{x}" is not a template.
	 * @param skus 1 to 50 SKUs
	 * @return the variants found; unknown and inactive SKUs are absent
	 */
	@GetExchange("/api/catalog/variants")
	VariantList variants(@RequestParam("sku") Collection<String> skus);

	/**
	 * Holds stock for an order until the reservation's {@code expiresAt}.
	 * @param reservation the order and what to hold
	 * @throws InsufficientStockException if some line cannot be filled (nothing held)
	 * @throws UnknownSkusException if the catalog no longer sells some SKU
	 */
	@ClientRegistrationId(CatalogClientConfiguration.SERVICE_TOKEN)
	@PostExchange(url = "/internal/inventory/reservations", contentType = MediaType.APPLICATION_JSON_VALUE)
	void reserve(@RequestBody Reservation reservation);

	/**
	 * Turns an order's hold into a sale.
	 * @param orderId the order
	 * @throws InsufficientStockException if the hold lapsed and the stock has gone since
	 */
	@ClientRegistrationId(CatalogClientConfiguration.SERVICE_TOKEN)
	@PostExchange("/internal/inventory/reservations/{orderId}/commit")
	void commit(@PathVariable String orderId);

	/**
	 * Returns an order's held stock.
	 * @param orderId the order
	 * @throws ReservationCommittedException if the reservation was already committed
	 * @throws org.springframework.web.client.HttpClientErrorException.NotFound if the
	 * order holds nothing (it was never reserved)
	 */
	@ClientRegistrationId(CatalogClientConfiguration.SERVICE_TOKEN)
	@PostExchange("/internal/inventory/reservations/{orderId}/release")
	void release(@PathVariable String orderId);

	/**
	 * Variants as the catalog lists them.
	 *
	 * @param items the variants, {@code null} in an empty answer
	 */
	record VariantList(List<CatalogVariant> items) {

		/**
		 * The variants by SKU.
		 * @return each variant under its SKU
		 */
		public Map<String, CatalogVariant> bySku() {
			return (this.items != null) ? this.items.stream()
				.collect(Collectors.toMap(CatalogVariant::sku, Function.identity(), (a, b) -> a)) : Map.of();
		}

	}

	/**
	 * A variant as the catalog sells it.
	 *
	 * @param sku the SKU
	 * @param name the product name
	 * @param size the size
	 * @param colour the colour
	 * @param price the unit price
	 */
	record CatalogVariant(String sku, String name, String size, String colour, Price price) {

	}

	/**
	 * A catalog price.
	 *
	 * @param amount minor units
	 * @param currency ISO 4217 code
	 */
	record Price(long amount, String currency) {

	}

	/**
	 * A stock reservation for an order.
	 *
	 * @param orderId the order
	 * @param lines what to hold
	 * @param expiresAt when the hold lapses by itself
	 */
	record Reservation(String orderId, List<Line> lines, Instant expiresAt) {

	}

	/**
	 * A line to hold.
	 *
	 * @param sku the variant
	 * @param quantity how many
	 */
	record Line(String sku, int quantity) {

	}

}
