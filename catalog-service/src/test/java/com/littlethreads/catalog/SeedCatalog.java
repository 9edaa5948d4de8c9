package com.littlethreads.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

/**
 * The seed catalog read as plain JSON, so tests compute what the API should answer with
 * their own simple logic rather than the service's.
 */
public final class SeedCatalog {

	private static final List<JsonNode> PRODUCTS = read();

	private SeedCatalog() {
	}

	public static List<JsonNode> all() {
		return PRODUCTS;
	}

	public static List<JsonNode> active() {
		return PRODUCTS.stream().filter((product) -> product.get("status").asString().equals("active")).toList();
	}

	public static long countActive(Predicate<JsonNode> filter) {
		return active().stream().filter(filter).count();
	}

	public static List<JsonNode> variants(JsonNode product) {
		List<JsonNode> variants = new ArrayList<>();
		product.get("variants").forEach(variants::add);
		return variants;
	}

	public static boolean hasVariant(JsonNode product, Predicate<JsonNode> filter) {
		return variants(product).stream().anyMatch(filter);
	}

	public static JsonNode firstActive(Predicate<JsonNode> filter) {
		return active().stream().filter(filter).findFirst().orElseThrow();
	}

	public static String text(JsonNode node, String field) {
		return node.get(field).asString();
	}

	private static List<JsonNode> read() {
		try (InputStream in = new ClassPathResource("seed/products.json").getInputStream()) {
			List<JsonNode> products = new ArrayList<>();
			JsonMapper.builder().build().readTree(in).forEach(products::add);
			return products;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
