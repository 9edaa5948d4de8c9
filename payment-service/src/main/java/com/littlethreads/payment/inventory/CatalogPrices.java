package com.littlethreads.payment.inventory;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import com.littlethreads.payment.PaymentProperties;
import com.littlethreads.payment.ServiceClients;

/**
 * Authoritative prices from catalog-service's public variants endpoint. A client never
 * tells us what something costs.
 */
@Component
public class CatalogPrices {

	private final RestClient catalog;

	CatalogPrices(RestClient.Builder builder, PaymentProperties properties) {
		this.catalog = ServiceClients.create(builder, properties.catalogUris(), properties);
	}

	/**
	 * The sellable variants among the given SKUs, by SKU. Unknown and inactive SKUs are
	 * absent.
	 * @param skus 1 to 50 SKUs
	 * @return the variants found
	 * @throws InventoryUnavailableException if catalog-service cannot answer
	 */
	public Map<String, CatalogVariant> variants(Collection<String> skus) {
		// Each SKU is a URI variable, so it is encoded as a value: "A&sku=B" stays one
		// SKU and "{x}" is not a template. Concatenated, or passed as a query value
		// (which is a template), such text changed the request or failed to expand.
		Map<String, Object> values = new LinkedHashMap<>();
		for (String sku : skus) {
			values.put("sku" + values.size(), sku);
		}
		VariantList list;
		try {
			list = this.catalog.get().uri((uri) -> {
				uri.path("/api/catalog/variants");
				values.keySet().forEach((name) -> uri.queryParam("sku", "{" + name + "}"));
				return uri.build(values);
			}).retrieve().body(VariantList.class);
		}
		catch (RestClientException ex) {
			throw new InventoryUnavailableException("catalog-service did not list variants", ex);
		}
		if (list == null || list.items() == null) {
			return Map.of();
		}
		return list.items().stream().collect(Collectors.toMap(CatalogVariant::sku, Function.identity(), (a, b) -> a));
	}

	record VariantList(List<CatalogVariant> items) {

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
	public record CatalogVariant(String sku, String name, String size, String colour, Price price) {

	}

	/**
	 * A catalog price.
	 *
	 * @param amount minor units
	 * @param currency ISO 4217 code
	 */
	public record Price(long amount, String currency) {

	}

}
