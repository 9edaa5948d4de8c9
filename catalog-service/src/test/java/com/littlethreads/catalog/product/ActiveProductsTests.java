package com.littlethreads.catalog.product;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static com.littlethreads.catalog.product.ProductBuilder.aProduct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The in-memory catalog on the embedded store: what it holds, how a change read in
 * touches only what it must, and how it follows changes made elsewhere. Each test works
 * on products of its own (the store and the catalog are shared by the class).
 */
@DataMongoTest(properties = { "littlethreads.embedded-mongo.enabled=true",
		"littlethreads.embedded-mongo.data-directory=target/test-store/${random.uuid}",
		"spring.mongodb.database=catalog", "catalog.read-model.poll-interval=50ms" })
@Import({ ActiveProducts.class, ChangeFeed.class, ActiveProductsTests.SystemClock.class })
@EnableConfigurationProperties(ReadModelProperties.class)
class ActiveProductsTests {

	/**
	 * Far longer than a poll interval takes on a busy machine; the tests wait for what
	 * they expect and stop as soon as it is there.
	 */
	private static final Duration PATIENCE = Duration.ofSeconds(10);

	@Autowired
	ActiveProducts catalog;

	@Autowired
	ProductRepository products;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	ChangeFeed feed;

	private String prefix;

	@BeforeEach
	void productsOfThisTest() {
		this.prefix = "t" + System.nanoTime();
	}

	@Test
	void holdsEveryActiveProductAndNothingElse() {
		String active = store(aProduct(slug("active")).withVariant(sku("A"), Size.T4, "navy", 2));
		String draft = store(
				aProduct(slug("draft")).withStatus(ProductStatus.DRAFT).withVariant(sku("D"), Size.T4, "navy", 2));

		assertThat(this.catalog.product(active)).get().extracting(ProductView::slug).isEqualTo(active);
		assertThat(this.catalog.product(draft)).isEmpty();
		assertThat(this.catalog.availability(draft)).isEmpty();
		assertThat(this.catalog.variants(List.of(sku("A"), sku("D"))).items()).extracting(VariantsView.VariantItem::sku)
			.containsExactly(sku("A"));
		assertThat(listedSlugs()).contains(active).doesNotContain(draft);
	}

	@Test
	void aStockMoveThatLeavesEveryVariantAsItWasChangesAvailabilityOnly() {
		String slug = store(aProduct(slug("tee")).withVariant(sku("A"), Size.T4, "navy", 5)
			.withVariant(sku("B"), Size.Y5, "navy", 0));
		Listing before = this.catalog.listing();
		ProductView page = this.catalog.product(slug).orElseThrow();

		moveStock(slug, sku("A"), -3);

		assertThat(this.catalog.availability(slug).orElseThrow().variants())
			.extracting(AvailabilityView.VariantAvailability::available)
			.containsExactly(2, 0);
		assertThat(this.catalog.variants(List.of(sku("A"))).items().get(0).available()).isEqualTo(2);
		assertThat(this.catalog.listing()).as("no listing shows stock counts").isSameAs(before);
		assertThat(this.catalog.product(slug)).get().isEqualTo(page);
	}

	@Test
	void aVariantSellingOutOrComingBackMakesANewListingInTheSameOrder() {
		String slug = store(aProduct(slug("tee")).withVariant(sku("A"), Size.T4, "navy", 1));
		Listing before = this.catalog.listing();

		moveStock(slug, sku("A"), -1);

		Listing soldOut = this.catalog.listing();
		assertThat(soldOut.version()).isGreaterThan(before.version());
		assertThat(listed(soldOut, slug).summary().inStock()).isFalse();
		assertThat(slugs(soldOut, Listing.Order.NEWEST)).isEqualTo(slugs(before, Listing.Order.NEWEST));
		moveStock(slug, sku("A"), 4);
		assertThat(listed(this.catalog.listing(), slug).summary().inStock()).isTrue();
		assertThat(this.catalog.availability(slug).orElseThrow().inStock()).isTrue();
	}

	@Test
	void anEditThatChangesThePriceSortsTheProductAnew() {
		String cheap = store(aProduct(slug("cheap")).withVariant(sku("A"), Size.T4, "navy", 1));
		String dear = store(aProduct(slug("dear")).withVariant(sku("B"), Size.T4, "navy", 1));
		this.products.edit(dear, 0, new Update().set("price", new Money(9_999_999, "GBP")));
		this.events.publishEvent(new ProductChanged(dear));
		assertThat(slugs(this.catalog.listing(), Listing.Order.PRICE_DESC).get(0)).isEqualTo(dear);

		this.products.edit(cheap, 0, new Update().set("price", new Money(10_000_000, "GBP")));
		this.events.publishEvent(new ProductChanged(cheap));

		assertThat(slugs(this.catalog.listing(), Listing.Order.PRICE_DESC).subList(0, 2)).containsExactly(cheap, dear);
		assertThat(this.catalog.product(cheap).orElseThrow().price().amount()).isEqualTo(10_000_000);
	}

	@Test
	void archivingTakesAProductOutOfEveryAnswer() {
		String slug = store(aProduct(slug("going")).withVariant(sku("A"), Size.T4, "navy", 1));

		this.products.edit(slug, 0, new Update().set("status", ProductStatus.ARCHIVED));
		this.events.publishEvent(new ProductChanged(slug));

		assertThat(this.catalog.product(slug)).isEmpty();
		assertThat(this.catalog.availability(slug)).isEmpty();
		assertThat(this.catalog.variants(List.of(sku("A"))).items()).isEmpty();
		assertThat(listedSlugs()).doesNotContain(slug);
	}

	@Test
	void aReadThatFinishesLateNeverStepsBack() {
		String slug = store(aProduct(slug("raced")).withVariant(sku("A"), Size.T4, "navy", 5));
		Product older = this.products.findBySlug(slug).orElseThrow();
		moveStock(slug, sku("A"), -5);

		// A read taken before the sale, arriving after it.
		this.catalog.apply(List.of(older), Set.of());

		assertThat(this.catalog.availability(slug).orElseThrow().inStock()).isFalse();
		assertThat(listed(this.catalog.listing(), slug).summary().inStock()).isFalse();
	}

	@Test
	void aReadOfTheSameRevisionAgainChangesNothing() {
		String slug = store(aProduct(slug("again")).withVariant(sku("A"), Size.T4, "navy", 5));
		Listing before = this.catalog.listing();

		this.catalog.apply(List.of(this.products.findBySlug(slug).orElseThrow()), Set.of());

		assertThat(this.catalog.listing()).isSameAs(before);
	}

	@Test
	void everyChangeIsAnnouncedOnTheFeed() {
		long before = this.feed.position();

		String slug = store(aProduct(slug("told")).withVariant(sku("A"), Size.T4, "navy", 5));
		moveStock(slug, sku("A"), -1);

		ChangeFeed.Changes changes = this.feed.since(before);
		assertThat(changes.changes()).extracting(ChangeFeed.Change::slug).containsExactly(slug, slug);
		assertThat(changes.everything()).isFalse();
	}

	@Test
	void aChangeAnnouncedByAnotherInstanceIsReadFromTheFeed() {
		String slug = store(aProduct(slug("elsewhere")).withVariant(sku("A"), Size.T4, "navy", 5));

		// Another instance renames it: the change is only in the store and on the feed.
		this.mongo.updateFirst(Query.query(Criteria.where("slug").is(slug)),
				new Update().set("name", "Renamed Elsewhere").inc("rev", 1), "products");
		ChangeFeed.append(this.mongo, slug, "other");

		await().atMost(PATIENCE)
			.until(() -> this.catalog.product(slug).orElseThrow().name().equals("Renamed Elsewhere"));
		assertThat(listed(this.catalog.listing(), slug).summary().name()).isEqualTo("Renamed Elsewhere");
	}

	@Test
	void aChangeWhoseAnnouncementWasLostIsFoundByComparingRevisions() {
		String slug = store(aProduct(slug("unannounced")).withVariant(sku("A"), Size.T4, "navy", 5));
		// Stored by an instance that died before announcing it.
		this.mongo.updateFirst(Query.query(Criteria.where("slug").is(slug)),
				new Update().set("name", "Renamed Then Lost").inc("rev", 1), "products");

		this.catalog.resync();

		assertThat(this.catalog.product(slug).orElseThrow().name()).isEqualTo("Renamed Then Lost");
	}

	@Test
	void everythingIsReadAgainWhenTheFeedSaysSo() {
		// Written by a tool, without catalog-service: nothing announced it.
		String slug = slug("written-by-a-tool");
		Product product = aProduct(slug).withVariant(sku("A"), Size.T4, "navy", 5).build();
		Document document = new Document();
		this.mongo.getConverter().write(product, document);
		this.mongo.getCollection("products").insertOne(document);
		assertThat(this.catalog.product(slug)).isEmpty();

		ActiveProducts.announceEverythingChanged(this.mongo);

		await().atMost(PATIENCE).until(() -> this.catalog.product(slug).isPresent());
		assertThat(listedSlugs()).contains(slug);
	}

	private String slug(String name) {
		return this.prefix + "-" + name;
	}

	private String sku(String suffix) {
		return ("LT-" + this.prefix + "-" + suffix).toUpperCase();
	}

	private String store(ProductBuilder product) {
		return this.products.insert(product.build()).getSlug();
	}

	/**
	 * Moves stock as the inventory package does, and announces it as it does.
	 */
	private void moveStock(String slug, String sku, int units) {
		this.mongo.updateFirst(Query.query(Criteria.where("slug").is(slug)),
				new Update().inc("variants.$[variant].stock", units)
					.inc("rev", 1)
					.filterArray(Criteria.where("variant.sku").is(sku)),
				"products");
		this.events.publishEvent(new StockChanged(slug, sku));
	}

	private List<String> listedSlugs() {
		return slugs(this.catalog.listing(), Listing.Order.NEWEST);
	}

	private static List<String> slugs(Listing listing, Listing.Order order) {
		return IntStream.range(0, listing.size())
			.mapToObj((rank) -> listing.get(listing.ranked(order, rank)).summary().slug())
			.toList();
	}

	private static ListedProduct listed(Listing listing, String slug) {
		return IntStream.range(0, listing.size())
			.mapToObj(listing::get)
			.filter((product) -> product.summary().slug().equals(slug))
			.findFirst()
			.orElseThrow();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class SystemClock {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

}
