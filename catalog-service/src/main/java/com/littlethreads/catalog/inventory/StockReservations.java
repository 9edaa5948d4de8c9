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
import com.littlethreads.catalog.inventory.StockHold.Outcome;
import com.littlethreads.catalog.inventory.StockHold.Purpose;
import com.littlethreads.catalog.product.ActiveProducts;
import com.littlethreads.catalog.product.Product;
import com.littlethreads.catalog.product.ProductRepository;
import com.littlethreads.catalog.product.ProductStatus;
import com.littlethreads.catalog.product.Variant;

/**
 * Holds, commits and releases stock for orders. There are no multi-document transactions
 * (the embedded store has none), so every step is a single-document atomic update:
 * variants' stock changes with a guarded increment that never goes below zero, and a
 * reservation changes status only through an update guarded by the status it is expected
 * to have, so whoever wins that update (a release, a commit, the expiry job) is the only
 * one that moves stock.
 * <p>
 * Stock is taken together with a hold recorded on the product in the same update (see
 * {@link StockHold} and {@link StockLedger}), and given back or settled by removing that
 * hold. A crash between the product update and the reservation update therefore leaves a
 * hold that says what is owed; {@link HoldRepair} settles it once the reservation's
 * status shows what should have happened.
 */
@Component
class StockReservations {

	private static final Log log = LogFactory.getLog(StockReservations.class);

	private static final FindAndModifyOptions RETURN_NEW = FindAndModifyOptions.options().returnNew(true);

	private final MongoTemplate mongo;

	private final ProductRepository products;

	private final StockLedger ledger;

	private final ActiveProducts catalog;

	private final Clock clock;

	private final InventoryMeters meters;

	StockReservations(MongoTemplate mongo, ProductRepository products, StockLedger ledger, ActiveProducts catalog,
			Clock clock, InventoryMeters meters) {
		this.meters = meters;
		this.mongo = mongo;
		this.products = products;
		this.ledger = ledger;
		this.catalog = catalog;
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
		refuseWhatIsSoldOut(orderId, lines);
		requireForSale(lines);
		try {
			holdAll(orderId, lines, expiresAt, Purpose.RESERVATION);
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
			this.meters.reservation(ReservationStatus.HELD);
			return new Reserved(held, true);
		}
		catch (DuplicateKeyException ex) {
			// The same order reserved concurrently and got there first. The holds are the
			// order's, whichever call took them, so the same lines stay held by its
			// reservation; this call lets go of lines it does not have.
			Reservation first = find(orderId).orElseThrow(() -> ex);
			Set<String> itsSkus = Set.copyOf(skus(first.lines()));
			withdrawAll(orderId, lines.stream().filter((line) -> !itsSkus.contains(line.sku())).toList(),
					Purpose.RESERVATION);
			return new Reserved(sameLines(first, lines), false);
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
				settleAll(orderId, committed.lines());
				this.meters.reservation(ReservationStatus.COMMITTED);
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
			// Finish the release or expiry first (whichever caller gets there gives the
			// stock back, once), so that the hold taken next is this commit's.
			giveBackAll(orderId, current.lines(), Purpose.RESERVATION);
			holdAll(orderId, current.lines(), this.clock.instant(), Purpose.LATE_COMMIT);
			committed = transition(orderId, current.status(), ReservationStatus.COMMITTED);
			if (committed != null) {
				// Settles every line, also those a racing commit took and we found held.
				settleAll(orderId, current.lines());
				this.meters.reservation(ReservationStatus.COMMITTED);
				return committed;
			}
			// A racing commit won and settles (or has settled) the holds it relies on;
			// this call lets go of its own, which go back unless another call relies on
			// them too.
			withdrawAll(orderId, current.lines(), Purpose.LATE_COMMIT);
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
			giveBackAll(released);
			this.meters.reservation(ReservationStatus.RELEASED);
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
				giveBackAll(lapsedOne);
				this.meters.reservation(ReservationStatus.EXPIRED);
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

	/**
	 * Answers at once, from the in-memory catalog, when it shows a line without enough
	 * stock: in a sale, most callers ask for what is already gone, and none of them need
	 * wait for the store, whose updates for that product the winners are queued on.
	 * Refusing on the catalog's word can never oversell; it may refuse stock that came
	 * back through another instance less than a poll interval ago, and stock this
	 * instance gave back a moment ago (the catalog takes a change in right after storing
	 * it). A line the catalog does not know goes the slow way, to be named by the store.
	 * Before refusing, the order's own reservation is looked for, as a repeat of this
	 * order may have taken the stock.
	 */
	private void refuseWhatIsSoldOut(String orderId, List<ReservationLine> lines) {
		Map<String, Integer> available = new HashMap<>();
		this.catalog.variants(skus(lines)).items().forEach((item) -> available.put(item.sku(), item.available()));
		if (!available.keySet().containsAll(skus(lines))) {
			return;
		}
		List<Shortfall> shortLines = lines.stream()
			.filter((line) -> available.get(line.sku()) < line.quantity())
			.map((line) -> new Shortfall(line.sku(), line.quantity(), available.get(line.sku())))
			.toList();
		if (!shortLines.isEmpty() && find(orderId).isEmpty()) {
			throw InventoryProblems.insufficientStock(shortLines);
		}
	}

	/**
	 * Looked up by the SKUs' unique index alone, the status checked here: a query naming
	 * the status as well would leave the embedded store no index to use.
	 */
	private void requireForSale(List<ReservationLine> lines) {
		Set<String> forSale = new LinkedHashSet<>();
		for (Product product : this.products.findByVariantsSkuIn(skus(lines))) {
			if (product.getStatus() == ProductStatus.ACTIVE) {
				product.getVariants().forEach((variant) -> forSale.add(variant.sku()));
			}
		}
		List<String> unknown = skus(lines).stream().filter((sku) -> !forSale.contains(sku)).toList();
		if (!unknown.isEmpty()) {
			throw InventoryProblems.unknownSkus(unknown);
		}
	}

	/**
	 * Takes every line one by one with the order's hold; at the first shortfall lets go
	 * of what it holds and answers with every line that is short now. A line the order
	 * already holds the same way (a repeat of a call that crashed, or a concurrent
	 * repeat) is relied on, not taken twice; a hold goes back only when the last call
	 * relying on it lets go, so it cannot vanish under a concurrent repeat that goes on
	 * to record the reservation. (A crashed call never lets go; the repair job settles
	 * what it left.)
	 */
	private void holdAll(String orderId, List<ReservationLine> lines, Instant until, Purpose purpose) {
		List<ReservationLine> held = new ArrayList<>();
		for (ReservationLine line : lines) {
			Outcome outcome = this.ledger.takeStock(orderId, line.sku(), line.quantity(), until, purpose);
			switch (outcome) {
				case TAKEN, ALREADY_HELD -> held.add(line);
				case HELD_OTHERWISE -> {
					withdrawAll(orderId, held, purpose);
					throw InventoryProblems.conflict(orderId);
				}
				case SHORT -> {
					withdrawAll(orderId, held, purpose);
					throw InventoryProblems.insufficientStock(shortfalls(lines, line));
				}
			}
		}
	}

	private void giveBackAll(Reservation reservation) {
		giveBackAll(reservation.orderId(), reservation.lines(), Purpose.RESERVATION);
	}

	private void giveBackAll(String orderId, List<ReservationLine> lines, Purpose purpose) {
		for (ReservationLine line : lines) {
			this.ledger.giveBack(orderId, line.sku(), purpose);
		}
	}

	private void withdrawAll(String orderId, List<ReservationLine> lines, Purpose purpose) {
		for (ReservationLine line : lines) {
			this.ledger.withdraw(orderId, line.sku(), purpose);
		}
	}

	private void settleAll(String orderId, List<ReservationLine> lines) {
		for (ReservationLine line : lines) {
			this.ledger.settle(orderId, line.sku());
		}
	}

	private List<Shortfall> shortfalls(List<ReservationLine> lines, ReservationLine failed) {
		Map<String, Integer> stock = new HashMap<>();
		for (Product product : this.products.findByVariantsSkuIn(skus(lines))) {
			for (Variant variant : product.getVariants()) {
				stock.put(variant.sku(), variant.stock());
			}
		}
		List<Shortfall> shortfalls = new ArrayList<>();
		for (ReservationLine line : lines) {
			int available = stock.getOrDefault(line.sku(), 0);
			if (line.equals(failed)) {
				// Short when we tried: stock another order returned since then does
				// not make the answer say otherwise.
				shortfalls.add(new Shortfall(line.sku(), line.quantity(), Math.min(available, line.quantity() - 1)));
			}
			else if (available < line.quantity()) {
				shortfalls.add(new Shortfall(line.sku(), line.quantity(), available));
			}
		}
		return shortfalls;
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
