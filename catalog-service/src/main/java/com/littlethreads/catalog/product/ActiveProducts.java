package com.littlethreads.catalog.product;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.event.AfterDeleteEvent;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The catalog as shoppers read it, held in this instance's memory: every product's page,
 * the live stock of its variants, and the {@link Listing} that listings, filters, facets
 * and search are answered from. Nothing a shopper reads waits for the store.
 * <p>
 * It stays current without ever being thrown away:
 * <ul>
 * <li>a change made through this instance (an admin edit, a product stored, a stock move
 * of a checkout, a release or a repair) reads that one product again before the request
 * that made it returns, and is announced on the {@link ChangeFeed};</li>
 * <li>every other instance reads the feed every {@code catalog.read-model.poll-interval}
 * and reads the products it names;</li>
 * <li>every {@code catalog.read-model.resync-interval} every product's revision is
 * compared with the one held, and those behind are read again, in case an instance died
 * between storing a change and announcing it.</li>
 * </ul>
 * A product read is kept only if it is at least as new ({@link Product#getRev()}) as what
 * is held, so reads that finish out of order never step back. A stock move that leaves
 * each variant in stock or out of stock as it was changes the product's availability
 * only; listings change (a new {@link Listing#version()}) only when something they show
 * does.
 */
@Component
public class ActiveProducts implements SmartLifecycle {

	private static final Log log = LogFactory.getLog(ActiveProducts.class);

	private static final int BATCH = 500;

	private final MongoOperations mongo;

	private final ChangeFeed feed;

	private final ReadModelProperties properties;

	/**
	 * This instance, as its entries on the feed name it.
	 */
	private final String instance = UUID.randomUUID().toString().substring(0, 8);

	/**
	 * Serialises changes to what is held; reads never take it.
	 */
	private final Object changes = new Object();

	private volatile Map<String, Held> held = new ConcurrentHashMap<>();

	private volatile Map<String, String> slugsBySku = new ConcurrentHashMap<>();

	private volatile Listing listing = Listing.of(0, List.of());

	/**
	 * The feed position read up to; only the follower's thread (and start) use it.
	 */
	private long followed;

	private ScheduledExecutorService follower;

	private volatile boolean running;

	ActiveProducts(MongoOperations mongo, ChangeFeed feed, ReadModelProperties properties) {
		this.mongo = mongo;
		this.feed = feed;
		this.properties = properties;
	}

	/**
	 * Tells every running catalog instance to read the whole catalog again, for a tool
	 * that wrote products without catalog-service (instances started afterwards read it
	 * anyway).
	 * @param mongo the catalog's database
	 */
	public static void announceEverythingChanged(MongoOperations mongo) {
		ChangeFeed.append(mongo, ChangeFeed.EVERYTHING, "tool");
	}

	/**
	 * An active product's page.
	 * @param slug the product
	 * @return the page, or empty if there is no active product with that slug
	 */
	public Optional<ProductView> product(String slug) {
		return active(slug).map(Held::view);
	}

	/**
	 * An active product's live stock.
	 * @param slug the product
	 * @return its availability, or empty if there is no active product with that slug
	 */
	public Optional<AvailabilityView> availability(String slug) {
		return active(slug).map((held) -> AvailabilityView.of(held.view(), held.available()));
	}

	/**
	 * Variants of active products with their price and live stock.
	 * @param skus the SKUs asked for
	 * @return those of active products, in the order asked for
	 */
	public VariantsView variants(Collection<String> skus) {
		List<VariantsView.VariantItem> items = new ArrayList<>();
		for (String sku : new LinkedHashSet<>(skus)) {
			String slug = this.slugsBySku.get(sku);
			Optional<Held> held = (slug != null) ? active(slug) : Optional.empty();
			held.flatMap((product) -> VariantsView.VariantItem.of(product.view(), sku, product.available()))
				.ifPresent(items::add);
		}
		return new VariantsView(items);
	}

	/**
	 * Every active product as listings see it, as of now.
	 * @return the listing
	 */
	public Listing listing() {
		return this.listing;
	}

	private Optional<Held> active(String slug) {
		return Optional.ofNullable(this.held.get(slug)).filter((held) -> held.view() != null);
	}

	@EventListener
	void productChanged(ProductChanged event) {
		changed(event.slug());
	}

	@EventListener
	void stockChanged(StockChanged event) {
		changed(event.slug());
	}

	/**
	 * A product inserted or saved as a whole (the sample catalog, a test's fixture):
	 * announced like any other change.
	 */
	@EventListener
	void saved(AfterSaveEvent<?> event) {
		if (event.getSource() instanceof Product product) {
			changed(product.getSlug());
		}
	}

	/**
	 * Products are archived, never deleted, by the catalog itself; a deletion (a test
	 * emptying the store) is a change to everything.
	 */
	@EventListener
	void deleted(AfterDeleteEvent<?> event) {
		if (Product.class.equals(event.getType())) {
			reload();
			announce(ChangeFeed.EVERYTHING);
		}
	}

	/**
	 * Reads the changed product into this instance at once, then tells the others. A
	 * failure here does not fail the request that made the change, which is stored: the
	 * feed (or the next full read) brings it in later.
	 */
	private void changed(String slug) {
		try {
			refresh(Set.of(slug));
		}
		catch (RuntimeException ex) {
			log.warn("Could not read product " + slug + " after it changed; the change feed brings it in later: "
					+ ex.getMessage());
		}
		announce(slug);
	}

	private void announce(String slug) {
		try {
			this.feed.append(slug, this.instance);
		}
		catch (RuntimeException ex) {
			log.warn("Could not announce the change of product " + slug
					+ "; other instances pick it up at their next full read: " + ex.getMessage());
		}
	}

	private void follow() {
		try {
			ChangeFeed.Changes changes = this.feed.since(this.followed);
			if (changes.everything()) {
				reload();
			}
			else if (!changes.changes().isEmpty()) {
				Set<String> slugs = new LinkedHashSet<>();
				changes.changes().forEach((change) -> slugs.add(change.slug()));
				refresh(slugs);
			}
			this.followed = changes.position();
		}
		catch (RuntimeException ex) {
			log.warn("Could not follow the catalog's changes (trying again in " + this.properties.pollInterval() + "): "
					+ ex.getMessage());
		}
	}

	/**
	 * Reads every product's revision (a few bytes each) and then only the products whose
	 * revision is newer than the one held: the changes whose announcement was lost.
	 */
	void resync() {
		try {
			Query revisions = new Query();
			revisions.fields().include("slug").include("rev");
			Set<String> behind = new LinkedHashSet<>();
			for (org.bson.Document stored : this.mongo.find(revisions, org.bson.Document.class,
					this.mongo.getCollectionName(Product.class))) {
				Held held = this.held.get(stored.getString("slug"));
				long rev = (stored.get("rev") instanceof Number number) ? number.longValue() : 0;
				if (held == null || held.rev() < rev) {
					behind.add(stored.getString("slug"));
				}
			}
			List<String> slugs = new ArrayList<>(behind);
			for (int from = 0; from < slugs.size(); from += BATCH) {
				refresh(new LinkedHashSet<>(slugs.subList(from, Math.min(slugs.size(), from + BATCH))));
			}
			if (!slugs.isEmpty()) {
				log.warn("Read " + slugs.size() + " product(s) whose change had not been announced");
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not check the whole catalog for missed changes (trying again in "
					+ this.properties.resyncInterval() + "): " + ex.getMessage());
		}
	}

	private void refresh(Set<String> slugs) {
		List<Product> found = this.mongo.find(Query.query(Criteria.where("slug").in(slugs)), Product.class);
		Set<String> gone = new HashSet<>(slugs);
		gone.remove(ChangeFeed.EVERYTHING);
		found.forEach((product) -> gone.remove(product.getSlug()));
		apply(found, gone);
	}

	/**
	 * Takes in products as read, and forgets products no longer stored; then makes a new
	 * listing if anything it shows changed, re-sorting only if a product came, went or
	 * sorts differently now.
	 */
	void apply(Collection<Product> products, Collection<String> gone) {
		synchronized (this.changes) {
			Map<String, ListedProduct> replaced = new HashMap<>();
			boolean reorder = false;
			for (Product product : products) {
				Held before = this.held.get(product.getSlug());
				if (before != null && product.getRev() < before.rev()) {
					// Read before a change that was read and taken in already.
					continue;
				}
				Held after = Held.of(product);
				this.held.put(product.getSlug(), after);
				product.getVariants().forEach((variant) -> this.slugsBySku.put(variant.sku(), product.getSlug()));
				ListedProduct was = (before != null) ? before.listed() : null;
				ListedProduct now = after.listed();
				if (Objects.equals(was, now)) {
					continue;
				}
				if (was != null && now != null && this.listing.listsSortingLike(now)) {
					replaced.put(product.getSlug(), now);
				}
				else {
					reorder = true;
				}
			}
			for (String slug : gone) {
				Held before = this.held.remove(slug);
				if (before != null) {
					this.slugsBySku.values().removeIf(slug::equals);
					reorder |= before.listed() != null;
				}
			}
			if (reorder) {
				this.listing = Listing.of(this.listing.version() + 1, listed(this.held));
			}
			else if (!replaced.isEmpty()) {
				this.listing = this.listing.replacing(this.listing.version() + 1, replaced);
			}
		}
	}

	/**
	 * Reads every product and replaces everything held with them: at start, and when the
	 * feed says everything changed. Changes stored while this reads are caught up by
	 * following the feed from a position taken before it began.
	 */
	private void reload() {
		Map<String, Held> held = new ConcurrentHashMap<>();
		Map<String, String> skus = new ConcurrentHashMap<>();
		try (Stream<Product> products = this.mongo.stream(new Query(), Product.class)) {
			products.forEach((product) -> {
				held.put(product.getSlug(), Held.of(product));
				product.getVariants().forEach((variant) -> skus.put(variant.sku(), product.getSlug()));
			});
		}
		synchronized (this.changes) {
			this.held = held;
			this.slugsBySku = skus;
			this.listing = Listing.of(this.listing.version() + 1, listed(held));
		}
	}

	private static List<ListedProduct> listed(Map<String, Held> held) {
		return held.values().stream().map(Held::listed).filter(Objects::nonNull).toList();
	}

	@Override
	public void start() {
		long started = System.nanoTime();
		this.followed = this.feed.position();
		reload();
		log.info("Holding " + this.listing.size() + " active products in memory (read in "
				+ Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms); following changes every "
				+ this.properties.pollInterval());
		this.follower = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "catalog-changes");
			thread.setDaemon(true);
			return thread;
		});
		long poll = this.properties.pollInterval().toMillis();
		long resync = this.properties.resyncInterval().toMillis();
		this.follower.scheduleWithFixedDelay(this::follow, poll, poll, TimeUnit.MILLISECONDS);
		this.follower.scheduleWithFixedDelay(this::resync, resync, resync, TimeUnit.MILLISECONDS);
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.follower != null) {
			this.follower.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Loaded before the web server takes requests (and stopped after it stops), so no
	 * request ever meets an empty catalog.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	/**
	 * One product as held: its revision, and for an active product its page, each
	 * variant's stock by SKU and its listing entry.
	 */
	private record Held(long rev, ProductView view, Map<String, Integer> available, ListedProduct listed) {

		static Held of(Product product) {
			if (product.getStatus() != ProductStatus.ACTIVE) {
				return new Held(product.getRev(), null, Map.of(), null);
			}
			Map<String, Integer> available = new HashMap<>();
			product.getVariants().forEach((variant) -> available.put(variant.sku(), variant.stock()));
			return new Held(product.getRev(), ProductView.of(product), Map.copyOf(available),
					ListedProduct.of(product));
		}

	}

}
