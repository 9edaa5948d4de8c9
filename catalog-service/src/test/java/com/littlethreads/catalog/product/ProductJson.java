package com.littlethreads.catalog.product;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Builds admin request bodies: a valid product unless a test says otherwise.
 */
public final class ProductJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, Object> fields = new LinkedHashMap<>();

	private final List<Map<String, Object>> variants = new ArrayList<>();

	private ProductJson(String slug) {
		this.fields.put("slug", slug);
		this.fields.put("name", "Test Dungarees");
		this.fields.put("description", "Sturdy cord dungarees with adjustable straps and roomy pockets.");
		this.fields.put("category", "bottoms");
		this.fields.put("gender", "unisex");
		this.fields.put("seasons", List.of("autumn", "winter"));
		this.fields.put("material", "100% cotton corduroy");
		this.fields.put("care", List.of("Machine wash at 30°C"));
		this.fields.put("price", Map.of("amount", 2400, "currency", "GBP"));
		this.fields.put("status", "active");
	}

	public static ProductJson aProduct(String slug) {
		return new ProductJson(slug);
	}

	public ProductJson with(String field, Object value) {
		if (value == null) {
			this.fields.remove(field);
		}
		else {
			this.fields.put(field, value);
		}
		return this;
	}

	public ProductJson withVariant(String sku, String size, String colour, int stock) {
		this.variants.add(Map.of("sku", sku, "size", size, "colour", colour, "stock", stock));
		return this;
	}

	public String build() {
		Map<String, Object> body = new LinkedHashMap<>(this.fields);
		if (!body.containsKey("variants")) {
			body.put("variants", this.variants);
		}
		return JSON.writeValueAsString(body);
	}

	public static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

}
