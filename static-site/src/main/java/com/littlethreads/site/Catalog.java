package com.littlethreads.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The products and categories a build renders, newest product first.
 *
 * @param products every product read, whatever its status
 * @param categories the categories in menu order
 */
public record Catalog(List<CatalogProduct> products, List<Category> categories) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The active products, newest first.
	 * @return the products shoppers may see
	 */
	public List<CatalogProduct> active() {
		return this.products.stream().filter(CatalogProduct::active).toList();
	}

	/**
	 * Reads the seed file catalog-service loads into an empty catalog. The file lists the
	 * newest products first, as catalog-service dates them.
	 * @param seed the file
	 * @param drawingsVersion the version catalog-service's drawn images carry, or empty
	 * @return the catalog
	 */
	public static Catalog fromSeed(Path seed, String drawingsVersion) {
		List<CatalogProduct> products = new ArrayList<>();
		for (JsonNode node : JSON.readTree(seed.toFile())) {
			List<CatalogProduct.Variant> variants = variants(node.path("variants"));
			String category = node.path("category").asString();
			String name = node.path("name").asString();
			List<CatalogProduct.Image> images = variants.stream()
				.map(CatalogProduct.Variant::colour)
				.distinct()
				.map((colour) -> CatalogProduct.Image.drawn(category, colour, name, drawingsVersion))
				.toList();
			boolean inStock = false;
			for (JsonNode variant : node.path("variants")) {
				inStock |= variant.path("stock").asInt() > 0;
			}
			products.add(product(node, node.path("status").asString(), variants, images, inStock));
		}
		Map<String, Category> categories = new LinkedHashMap<>();
		products.stream()
			.filter(CatalogProduct::active)
			.forEach((product) -> categories.computeIfAbsent(product.category(), (value) -> new Category(value,
					value.substring(0, 1).toUpperCase(Locale.ROOT) + value.substring(1))));
		return new Catalog(products, List.copyOf(categories.values()));
	}

	/**
	 * Reads every active product from a running catalog API (catalog-service or the
	 * gateway in front of it).
	 * @param baseUrl the API's base URL
	 * @return the catalog
	 */
	public static Catalog fromApi(URI baseUrl) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		Map<String, Boolean> slugs = new LinkedHashMap<>();
		for (int page = 0;; page++) {
			JsonNode listing = get(http, baseUrl, "/api/catalog/products?sort=newest&pageSize=100&page=" + page);
			listing.path("items")
				.forEach((item) -> slugs.put(item.path("slug").asString(), item.path("inStock").asBoolean()));
			if (listing.path("items").isEmpty() || slugs.size() >= listing.path("total").asLong()) {
				break;
			}
		}
		List<CatalogProduct> products = new ArrayList<>();
		for (Map.Entry<String, Boolean> listed : slugs.entrySet()) {
			String slug = listed.getKey();
			JsonNode node = get(http, baseUrl, "/api/catalog/products/" + slug);
			List<CatalogProduct.Image> images = new ArrayList<>();
			node.path("images")
				.forEach((image) -> images.add(new CatalogProduct.Image(image.path("url").asString(),
						image.path("alt").asString(), image.path("width").asInt(), image.path("height").asInt())));
			products.add(product(node, "active", variants(node.path("variants")), images, listed.getValue()));
		}
		List<Category> categories = new ArrayList<>();
		get(http, baseUrl, "/api/catalog/categories").forEach((category) -> categories
			.add(new Category(category.path("category").asString(), category.path("label").asString())));
		return new Catalog(products, categories);
	}

	private static CatalogProduct product(JsonNode node, String status, List<CatalogProduct.Variant> variants,
			List<CatalogProduct.Image> images, boolean inStock) {
		List<String> care = new ArrayList<>();
		node.path("care").forEach((line) -> care.add(line.asString()));
		return new CatalogProduct(node.path("slug").asString(), node.path("name").asString(),
				node.path("description").asString(), node.path("category").asString(), node.path("gender").asString(),
				node.path("material").asString(), care,
				new CatalogProduct.Money(node.path("price").path("amount").asLong(),
						node.path("price").path("currency").asString()),
				status, node.path("featured").asBoolean(), variants, images, inStock);
	}

	private static List<CatalogProduct.Variant> variants(JsonNode nodes) {
		List<CatalogProduct.Variant> variants = new ArrayList<>();
		nodes.forEach((variant) -> variants.add(new CatalogProduct.Variant(variant.path("sku").asString(),
				variant.path("size").asString(), variant.path("colour").asString())));
		return variants;
	}

	private static JsonNode get(HttpClient http, URI baseUrl, String path) {
		URI uri = URI.create(baseUrl + path);
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
				.timeout(Duration.ofSeconds(30))
				.header("Accept", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("GET " + uri + " answered " + response.statusCode());
			}
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the catalog at " + uri, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted reading " + uri, ex);
		}
	}

	/**
	 * A category in the menu.
	 *
	 * @param value the value the listing filter takes
	 * @param label how the menu names it
	 */
	public record Category(String value, String label) {

	}

}
