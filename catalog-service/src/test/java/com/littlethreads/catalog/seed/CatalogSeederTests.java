package com.littlethreads.catalog.seed;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.littlethreads.catalog.CatalogServiceTest;
import com.littlethreads.catalog.SeedCatalog;
import com.littlethreads.catalog.product.Image;
import com.littlethreads.catalog.product.Product;
import com.littlethreads.catalog.product.ProductRepository;

import static com.littlethreads.catalog.SeedCatalog.text;
import static com.littlethreads.catalog.SeedCatalog.variants;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample catalog as loaded at startup, and a restart (the seeder running again) that
 * must leave the store as it is.
 */
@CatalogServiceTest
@DirtiesContext // These tests change a seeded product; no other test class may see it.
class CatalogSeederTests {

	@Autowired
	CatalogSeeder seeder;

	@Autowired
	ProductRepository products;

	@Autowired
	MongoTemplate mongo;

	@Test
	void startupStoresEveryProductOfTheSeedFileWithItsStatus() {
		assertThat(this.products.count()).isEqualTo(SeedCatalog.all().size());
		Map<String, Product> stored = bySlug(this.products.findAll());
		assertThat(SeedCatalog.all()).extracting((product) -> text(product, "status"))
			.contains("active", "draft", "archived");
		for (JsonNode seed : SeedCatalog.all()) {
			Product product = stored.get(text(seed, "slug"));
			assertThat(product).as(text(seed, "slug")).isNotNull();
			assertThat(product.getStatus().value()).as(text(seed, "slug")).isEqualTo(text(seed, "status"));
			assertThat(product.getVariants()).as(text(seed, "slug")).hasSize(variants(seed).size());
		}
	}

	@Test
	void runningAgainAddsAndDuplicatesNothing() {
		List<String> before = slugs(this.products.findAll());

		this.seeder.run(new DefaultApplicationArguments());

		List<String> after = slugs(this.products.findAll());
		assertThat(after).hasSize(SeedCatalog.all().size())
			.doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(before);
	}

	@Test
	void runningAgainKeepsChangesMadeInTheStore() {
		JsonNode seed = SeedCatalog.active().get(1);
		String slug = text(seed, "slug");
		String sku = text(variants(seed).get(0), "sku");
		int seededStock = variants(seed).get(0).get("stock").asInt();
		Product current = this.products.findBySlug(slug).orElseThrow();
		this.products.edit(slug, current.getVersion(), new Update().set("name", "Renamed by an admin"));
		// Stock received since, as the inventory package receives it: on the collection,
		// so the version an editor quotes stays.
		this.mongo.updateFirst(Query.query(Criteria.where("slug").is(slug)),
				new Update().inc("variants.$[variant].stock", 3).filterArray(Criteria.where("variant.sku").is(sku)),
				"products");

		this.seeder.run(new DefaultApplicationArguments());

		Product after = this.products.findBySlug(slug).orElseThrow();
		assertThat(after.getName()).isEqualTo("Renamed by an admin");
		assertThat(after.getVersion()).isEqualTo(current.getVersion() + 1);
		assertThat(after.variant(sku).orElseThrow().stock()).isEqualTo(seededStock + 3);
	}

	@Test
	void everyProductHasDrawnImagesOfItsColours() {
		Map<String, Product> stored = bySlug(this.products.findAll());
		for (JsonNode seed : SeedCatalog.all()) {
			String category = text(seed, "category");
			List<String> colourImages = variants(seed).stream()
				.map((variant) -> text(variant, "colour"))
				.distinct()
				.map((colour) -> "/api/catalog/images/" + category + "/" + colour + "." + Image.DRAWINGS_VERSION
						+ ".svg")
				.toList();
			List<String> urls = stored.get(text(seed, "slug")).getImages().stream().map(Image::url).toList();
			assertThat(urls).as(text(seed, "slug")).isNotEmpty().isSubsetOf(colourImages).contains(colourImages.get(0));
		}
	}

	@Test
	void firstProductOfTheSeedFileIsTheNewest() {
		List<Product> newestFirst = this.products.findAll()
			.stream()
			.sorted(Comparator.comparing(Product::getCreatedAt).reversed())
			.toList();

		assertThat(newestFirst.get(0).getSlug()).isEqualTo(seedSlugs().get(0));
		assertThat(slugs(newestFirst)).containsExactlyElementsOf(seedSlugs());
		assertThat(newestFirst).extracting(Product::getCreatedAt).doesNotHaveDuplicates();
	}

	private static Map<String, Product> bySlug(List<Product> products) {
		return products.stream().collect(Collectors.toMap(Product::getSlug, Function.identity()));
	}

	private static List<String> slugs(List<Product> products) {
		return products.stream().map(Product::getSlug).toList();
	}

	private static List<String> seedSlugs() {
		return SeedCatalog.all().stream().map((product) -> text(product, "slug")).toList();
	}

}
