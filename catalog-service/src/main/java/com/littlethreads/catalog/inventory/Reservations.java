package com.littlethreads.catalog.inventory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import com.littlethreads.catalog.inventory.InventoryProblems.Shortfall;
import com.littlethreads.catalog.inventory.Reservation.ReservationLine;
import com.littlethreads.catalog.product.Product;
import com.littlethreads.catalog.product.ProductRepository;
import com.littlethreads.catalog.product.ProductStatus;
import com.littlethreads.catalog.product.StockChanged;
import com.littlethreads.catalog.product.Variant;

/**
 * Holds, commits and releases stock for orders. There are no multi-document transactions
 * (the embedded store has none), so every step is a single-document atomic update:
 * variants' stock changes with a guarded increment that never goes below zero, and a
 * reservation changes status only through an update guarded by the status it is expected
 * to have, so whoever wins that update (a release, a commit, the expiry job) is the only
 * one that moves stock.
 */
@Component
class Reservations {

	private static final Log log = LogFactory.getLog(Reservations.class);

	private static final FindAndModifyOptions RETURN_NEW = FindAndModifyOptions.options().returnNew(true);

	private final MongoTemplate mongo;

	private final ProductRepository products;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Reservations(MongoTemplate mongo, ProductRepository products, ApplicationEventPublisher events, Clock clock) {
		this.mongo = mongo;
		this.products = products;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Holds every line or none.
	 * @param orderId the order
	 * @param lines the lines, each SKU once
	 * @param expiresAt when the hold lapses
	 * @return the reservation, and whether this call made it
	 */
	Reserved reserve(String orderId, List<ReservationLine> lines, Instant expiresAt) {
		Optional<Reservation> existing = find(orderId);
		if (existing.isPresent()) {
			return new Reserved(sameLines(existing.get(), lines), false);
		}
		requireForSale(lines);
		try {
			takeAll(lines);
		}
		catch (ErrorResponseException ex) {
			// A concurrent repeat of this order may hold the stock we were short of.
			Optional<Reservation> twin = find(orderId);
			if (twin.isPresent()) {
				return new Reserved(sameLines(twin.get(), lines), false);
			}
			throw ex;
		}
		Instant now = this.clock.instant();
		try {
			Reservation held = this.mongo
				.insert(new Reservation(orderId, List.copyOf(lines), ReservationStatus.HELD, expiresAt, now, now));
			return new Reserved(held, true);
		}
		catch (DuplicateKeyException ex) {
			// The same order reserved concurrently and got there first: ours goes back.
			returnAll(lines);
			return new Reserved(sameLines(find(orderId).orElseThrow(() -> ex), lines), false);
		}
	}

	/**
	 * Marks the order's stock as sold. A held reservation simply changes status; a
	 * released or expired one takes its stock again if it is still there.
	 * @param orderId the order
	 * @return the committed reservation
	 */
	Reservation commit(String orderId) {
		while (true) {
			Reservation committed = transition(orderId, ReservationStatus.HELD, ReservationStatus.COMMITTED);
			if (committed != null) {
				return committed;
			}
			Reservation current = find(orderId).orElseThrow(() -> InventoryProblems.notFound(orderId));
			if (current.status() == ReservationStatus.COMMITTED) {
				return current;
			}
			if (current.status() == ReservationStatus.HELD) {
				continue;
			}
			// Paid after the hold lapsed: sold only if the stock is still on the shelf.
			takeAll(current.lines());
			committed = transition(orderId, current.status(), ReservationStatus.COMMITTED);
			if (committed != null) {
				return committed;
			}
			// Someone else moved it meanwhile; put ours back and look again.
			returnAll(current.lines());
		}
	}

	/**
	 * Returns a held reservation's stock, exactly once.
	 * @param orderId the order
	 * @return the released reservation, or the already released or expired one
	 */
	Reservation release(String orderId) {
		Reservation released = transition(orderId, ReservationStatus.HELD, ReservationStatus.RELEASED);
		if (released != null) {
			returnAll(released.lines());
			return released;
		}
		Reservation current = find(orderId).orElseThrow(() -> InventoryProblems.notFound(orderId));
		if (current.status() == ReservationStatus.COMMITTED) {
			throw InventoryProblems.committed(orderId);
		}
		return current;
	}

	/**
	 * Expires every held reservation whose time is up and returns its stock.
	 * @return how many expired
	 */
	int expireLapsed() {
		Instant now = this.clock.instant();
		Query lapsed = Query.query(Criteria.where("status").is(ReservationStatus.HELD).and("expiresAt").lt(now));
		int expired = 0;
		for (Reservation reservation : this.mongo.find(lapsed, Reservation.class)) {
			Query stillHeld = Query.query(Criteria.where("orderId")
				.is(reservation.orderId())
				.and("status")
				.is(ReservationStatus.HELD)
				.and("expiresAt")
				.lt(now));
			Reservation lapsedOne = this.mongo.findAndModify(stillHeld, statusUpdate(ReservationStatus.EXPIRED),
					RETURN_NEW, Reservation.class);
			if (lapsedOne != null) {
				returnAll(lapsedOne.lines());
				expired++;
			}
		}
		if (expired > 0) {
			log.info("Expired " + expired + " lapsed reservation(s) and returned their stock");
		}
		return expired;
	}

	Optional<Reservation> find(String orderId) {
		return Optional.ofNullable(this.mongo.findById(orderId, Reservation.class));
	}

	private Reservation transition(String orderId, ReservationStatus from, ReservationStatus to) {
		Query current = Query.query(Criteria.where("orderId").is(orderId).and("status").is(from));
		return this.mongo.findAndModify(current, statusUpdate(to), RETURN_NEW, Reservation.class);
	}

	private Update statusUpdate(ReservationStatus status) {
		return new Update().set("status", status).set("updatedAt", this.clock.instant());
	}

	private static Reservation sameLines(Reservation existing, List<ReservationLine> lines) {
		Comparator<ReservationLine> bySku = Comparator.comparing(ReservationLine::sku);
		List<ReservationLine> stored = existing.lines().stream().sorted(bySku).toList();
		List<ReservationLine> asked = lines.stream().sorted(bySku).toList();
		if (!stored.equals(asked)) {
			throw InventoryProblems.conflict(existing.orderId());
		}
		return existing;
	}

	private void requireForSale(List<ReservationLine> lines) {
		Set<String> forSale = new LinkedHashSet<>();
		for (Product product : this.products.findByStatusAndVariantsSkuIn(ProductStatus.ACTIVE, skus(lines))) {
			product.getVariants().forEach((variant) -> forSale.add(variant.sku()));
		}
		List<String> unknown = skus(lines).stream().filter((sku) -> !forSale.contains(sku)).toList();
		if (!unknown.isEmpty()) {
			throw InventoryProblems.unknownSkus(unknown);
		}
	}

	/**
	 * Takes every line one by one; at the first shortfall puts back what it took and
	 * answers with every line that is short now.
	 */
	private void takeAll(List<ReservationLine> lines) {
		List<ReservationLine> taken = new ArrayList<>();
		for (ReservationLine line : lines) {
			Optional<Product> product = this.products.takeStock(line.sku(), line.quantity());
			if (product.isEmpty()) {
				returnAll(taken);
				throw InventoryProblems.insufficientStock(shortfalls(lines, line));
			}
			taken.add(line);
			this.events.publishEvent(new StockChanged(product.get().getSlug(), line.sku()));
		}
	}

	private void returnAll(List<ReservationLine> lines) {
		for (ReservationLine line : lines) {
			this.products.returnStock(line.sku(), line.quantity())
				.ifPresentOrElse((product) -> this.events.publishEvent(new StockChanged(product.getSlug(), line.sku())),
						() -> log.warn("Could not return " + line.quantity() + " of " + line.sku()
								+ ": the variant no longer exists"));
		}
	}

	private List<Shortfall> shortfalls(List<ReservationLine> lines, ReservationLine failed) {
		Map<String, Integer> stock = new HashMap<>();
		for (Product product : this.products.findByVariantsSkuIn(skus(lines))) {
			for (Variant variant : product.getVariants()) {
				stock.put(variant.sku(), variant.stock());
			}
		}
		return lines.stream()
			.filter((line) -> line.equals(failed) || stock.getOrDefault(line.sku(), 0) < line.quantity())
			.map((line) -> new Shortfall(line.sku(), line.quantity(),
					Math.min(stock.getOrDefault(line.sku(), 0),
							line.equals(failed) ? line.quantity() - 1 : Integer.MAX_VALUE)))
			.toList();
	}

	private static List<String> skus(List<ReservationLine> lines) {
		return lines.stream().map(ReservationLine::sku).toList();
	}

	/**
	 * The outcome of a reserve call.
	 *
	 * @param reservation the order's reservation
	 * @param created whether this call made it (otherwise it already existed)
	 */
	record Reserved(Reservation reservation, boolean created) {

	}

}
