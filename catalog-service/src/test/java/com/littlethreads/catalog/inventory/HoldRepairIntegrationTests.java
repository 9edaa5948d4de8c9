package com.littlethreads.catalog.inventory;

import java.time.Duration;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.littlethreads.catalog.inventory.Reservation.ReservationLine;
import com.littlethreads.catalog.inventory.StockHold.Outcome;
import com.littlethreads.catalog.inventory.StockHold.Purpose;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.platform.test.TestJwts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crashes between the steps of a reservation, simulated by driving the steps one at a
 * time, and what the repair job makes of what they leave behind; and holds as the product
 * API (never) shows them. Same context as {@link ReservationIntegrationTests}.
 */
class HoldRepairIntegrationTests extends InventoryIntegrationTest {

	/**
	 * Past the default grace period of two minutes.
	 */
	private static final Duration PAST_THE_GRACE = Duration.ofMinutes(3);

	/**
	 * How long the reservations made here hold their stock.
	 */
	private static final Duration HELD_FOR = Duration.ofHours(1);

	@Autowired
	HoldRepair repair;

	@Autowired
	MongoTemplate mongo;

	@Test
	void reservingRecordsAHoldPerLineAndCommittingSettlesThem() {
		String a = this.shelf.variant(5);
		String b = this.shelf.variant(5);
		String order = StockFixtures.orderId();

		reserve(order, 2, a, b);

		assertThat(holds(a)).containsExactly(order + "/" + a);
		assertThat(holds(b)).containsExactly(order + "/" + b);
		this.reservations.commit(order);
		assertThat(holds(a)).isEmpty();
		assertThat(holds(b)).isEmpty();
		assertThat(this.shelf.stock(a)).isEqualTo(3);
		assertThat(this.shelf.stock(b)).isEqualTo(3);
	}

	@Test
	void releasingGivesTheHoldBack() {
		String sku = this.shelf.variant(5);
		String order = StockFixtures.orderId();
		reserve(order, 2, sku);

		this.reservations.release(order);

		assertThat(holds(sku)).isEmpty();
		assertThat(this.shelf.stock(sku)).isEqualTo(5);
	}

	@Test
	void stockTakenBeforeACrashWithoutAReservationGoesBackOnceTheReservationWouldHaveLapsed() {
		String sku = this.shelf.variant(5);
		String order = StockFixtures.orderId();
		// The reserve took the stock, then the process died before recording the
		// reservation.
		assertThat(this.ledger.takeStock(order, sku, 2, this.clock.instant().plus(HELD_FOR), Purpose.RESERVATION))
			.isEqualTo(Outcome.TAKEN);

		this.clock.advance(PAST_THE_GRACE);
		this.repair.repair();
		this.clock.advance(HELD_FOR.minus(PAST_THE_GRACE).plus(Duration.ofMinutes(1)));
		this.repair.repair();

		assertThat(this.shelf.stock(sku)).as("held like an unpaid checkout, within the grace").isEqualTo(3);
		assertThat(holds(sku)).containsExactly(order + "/" + sku);

		this.clock.advance(PAST_THE_GRACE);
		this.repair.repair();

		assertThat(this.shelf.stock(sku)).isEqualTo(5);
		assertThat(holds(sku)).isEmpty();
		assertProblem(get(order), 404);
	}

	@Test
	void aRepeatedReserveAfterACrashAdoptsTheHoldInsteadOfTakingAgain() {
		String sku = this.shelf.variant(5);
		String order = StockFixtures.orderId();
		this.ledger.takeStock(order, sku, 2, this.clock.instant().plus(HELD_FOR), Purpose.RESERVATION);

		StockReservations.Reserved reserved = reserve(order, 2, sku);

		assertThat(reserved.created()).isTrue();
		assertThat(this.shelf.stock(sku)).isEqualTo(3);
		this.clock.advance(HELD_FOR.plus(PAST_THE_GRACE));
		this.repair.repair();
		assertThat(this.shelf.stock(sku)).isEqualTo(3);
		assertThat(holds(sku)).containsExactly(order + "/" + sku);
	}

	@ParameterizedTest
	@EnumSource(names = { "RELEASED", "EXPIRED" })
	void stockOfAReservationThatEndedBeforeACrashGoesBackExactlyOnce(ReservationStatus ended) {
		String a = this.shelf.variant(5);
		String b = this.shelf.variant(4);
		String order = StockFixtures.orderId();
		reserve(order, 2, a, b);
		// The status changed, then the process died before giving anything back.
		setStatus(order, ended);

		this.clock.advance(PAST_THE_GRACE);
		this.repair.repair();
		assertThat(this.shelf.stock(a)).as("held until the reservation would have lapsed").isEqualTo(3);
		this.clock.advance(HELD_FOR);
		this.repair.repair();
		this.repair.repair();

		assertThat(this.shelf.stock(a)).isEqualTo(5);
		assertThat(this.shelf.stock(b)).isEqualTo(4);
		assertThat(holds(a)).isEmpty();
		assertThat(holds(b)).isEmpty();
		assertThat(this.reservations.find(order).orElseThrow().status()).isEqualTo(ended);
	}

	@Test
	void aCommittedReservationsHoldIsSettledAndItsStockStaysSold() {
		String sku = this.shelf.variant(5);
		String order = StockFixtures.orderId();
		reserve(order, 2, sku);
		// Committed, then the process died before settling the hold.
		setStatus(order, ReservationStatus.COMMITTED);

		this.clock.advance(HELD_FOR.plus(PAST_THE_GRACE));
		this.repair.repair();
		this.repair.repair();

		assertThat(holds(sku)).isEmpty();
		assertThat(this.shelf.stock(sku)).isEqualTo(3);
	}

	@Test
	void aHeldReservationsHoldIsLeftAloneEvenPastItsExpiryWhichIsTheExpiryJobsToEnd() {
		String sku = this.shelf.variant(5);
		String order = StockFixtures.orderId();
		reserve(order, 2, sku);

		this.clock.advance(HELD_FOR.plus(PAST_THE_GRACE));
		this.repair.repair();

		assertThat(holds(sku)).containsExactly(order + "/" + sku);
		assertThat(this.shelf.stock(sku)).isEqualTo(3);
		assertThat(this.reservations.find(order).orElseThrow().status()).isEqualTo(ReservationStatus.HELD);
	}

	@Test
	void commitAfterAReleaseThatCrashedBeforeGivingBackTakesTheStockOnce() {
		String sku = this.shelf.variant(5);
		String order = StockFixtures.orderId();
		reserve(order, 2, sku);
		setStatus(order, ReservationStatus.RELEASED);

		this.reservations.commit(order);
		this.clock.advance(PAST_THE_GRACE);
		this.repair.repair();

		assertThat(this.reservations.find(order).orElseThrow().status()).isEqualTo(ReservationStatus.COMMITTED);
		assertThat(this.shelf.stock(sku)).isEqualTo(3);
		assertThat(holds(sku)).isEmpty();
	}

	@Test
	void aLateCommitThatCrashedBeforeRecordingItsStatusGivesItsStockBack() {
		String sku = this.shelf.variant(5);
		String order = StockFixtures.orderId();
		reserve(order, 2, sku);
		this.reservations.release(order);
		// The commit took the stock again, then died before marking the order committed.
		this.ledger.takeStock(order, sku, 2, this.clock.instant(), Purpose.LATE_COMMIT);

		this.clock.advance(PAST_THE_GRACE);
		this.repair.repair();

		assertThat(this.shelf.stock(sku)).isEqualTo(5);
		assertThat(holds(sku)).isEmpty();
		assertThat(this.reservations.find(order).orElseThrow().status()).isEqualTo(ReservationStatus.RELEASED);
	}

	@Test
	void holdsNeverShowInTheProductApiAndAnAdminEditKeepsThem() {
		String sku = this.shelf.variant(5);
		String order = StockFixtures.orderId();
		reserve(order, 2, sku);
		String slug = this.shelf.slug(sku);
		String admin = "Bearer " + TestJwts.token("admin-1", "ADMIN");

		List<Response> views = List.of(this.http.get("/api/catalog/products/" + slug),
				this.http.get("/api/catalog/products?q=" + sku),
				this.http.get("/api/catalog/products/" + slug + "/availability"),
				this.http.send("GET", "/api/catalog/admin/products/" + slug, null, "Authorization", admin));

		for (Response view : views) {
			assertThat(view.status()).as(view.body()).isEqualTo(200);
			assertThat(view.body()).doesNotContain("holds").doesNotContain(order);
		}
		JsonNode product = views.get(3).json();
		Response edited = this.http.send("PUT", "/api/catalog/admin/products/" + slug,
				"{\"version\":" + product.get("version").asLong() + ",\"name\":\"Renamed\",\"description\":\"New.\","
						+ "\"category\":\"bottoms\",\"gender\":\"unisex\",\"seasons\":[\"winter\"],"
						+ "\"material\":\"cotton\",\"care\":[],\"price\":{\"amount\":2500,\"currency\":\"GBP\"},"
						+ "\"status\":\"active\",\"featured\":false}",
				"Content-Type", "application/json", "Authorization", admin);
		Response variantEdited = this.http.send("PUT", "/api/catalog/admin/products/" + slug + "/variants/" + sku,
				"{\"version\":" + edited.json().get("version").asLong() + ",\"size\":\"5Y\",\"colour\":\"red\"}",
				"Content-Type", "application/json", "Authorization", admin);
		Response restocked = this.http.send("POST",
				"/api/catalog/admin/products/" + slug + "/variants/" + sku + "/restock", "{\"quantity\":4}",
				"Content-Type", "application/json", "Authorization", admin);

		assertThat(edited.status()).as(edited.body()).isEqualTo(200);
		assertThat(variantEdited.status()).as(variantEdited.body()).isEqualTo(200);
		assertThat(restocked.status()).as(restocked.body()).isEqualTo(200);
		assertThat(restocked.body()).doesNotContain("holds");
		assertThat(holds(sku)).containsExactly(order + "/" + sku);
		this.reservations.release(order);
		assertThat(this.shelf.stock(sku)).isEqualTo(9);
		assertThat(holds(sku)).isEmpty();
	}

	private StockReservations.Reserved reserve(String orderId, int quantity, String... skus) {
		List<ReservationLine> lines = List.of(skus).stream().map((sku) -> new ReservationLine(sku, quantity)).toList();
		return this.reservations.reserve(orderId, lines, this.clock.instant().plus(HELD_FOR));
	}

	private void setStatus(String orderId, ReservationStatus status) {
		this.mongo.updateFirst(Query.query(Criteria.where("orderId").is(orderId)), new Update().set("status", status),
				Reservation.class);
	}

	/**
	 * The keys of the holds on the variant's product, as stored.
	 */
	private List<String> holds(String sku) {
		Document product = this.mongo.getCollection("products").find(new Document("variants.sku", sku)).first();
		return product.getList("holds", Document.class, List.of())
			.stream()
			.map((hold) -> hold.getString("key"))
			.toList();
	}

	private Response get(String orderId) {
		return this.http.send("GET", RESERVATIONS + "/" + orderId, null, "Authorization",
				"Bearer " + TestJwts.serviceToken("payment-service", "inventory:reserve"));
	}

	private static void assertProblem(Response response, int status) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

}
