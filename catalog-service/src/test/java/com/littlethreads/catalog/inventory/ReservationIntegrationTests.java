package com.littlethreads.catalog.inventory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;

import com.littlethreads.catalog.product.ProductStatus;
import com.littlethreads.platform.test.Concurrently;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.platform.test.TestJwts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The internal reservations API end to end, on the embedded store, with real service
 * tokens. Each test works on products of its own.
 */
class ReservationIntegrationTests extends InventoryIntegrationTest {

	@Autowired
	MongoTemplate mongo;

	private static final String PROBLEMS = "https://littlethreads.shop/problems/";

	@Test
	void lapsedReservationsAreFoundThroughAnIndex() {
		List<IndexInfo> indexes = this.mongo.indexOps(Reservation.class).getIndexInfo();

		assertThat(indexes).filteredOn((index) -> index.isIndexForFields(List.of("status", "expiresAt")))
			.singleElement();
	}

	@Test
	void reservingHoldsEveryLineAndTakesTheStock() {
		String a = this.shelf.variant(5);
		String b = this.shelf.variant(3);
		String order = StockFixtures.orderId();

		Response response = reserve(order, line(a, 2), line(b, 3));

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(response.contentType()).startsWith("application/json");
		JsonNode body = response.json();
		assertThat(body.get("orderId").asString()).isEqualTo(order);
		assertThat(body.get("status").asString()).isEqualTo("HELD");
		assertThat(body.get("lines")).hasSize(2);
		assertThat(body.get("lines").get(0).get("sku").asString()).isEqualTo(a);
		assertThat(body.get("lines").get(0).get("quantity").asInt()).isEqualTo(2);
		assertThat(Instant.parse(body.get("expiresAt").asString())).isEqualTo(inAnHour());
		assertThat(this.shelf.stock(a)).isEqualTo(3);
		assertThat(this.shelf.stock(b)).isZero();
		assertThat(get(order).json().get("status").asString()).isEqualTo("HELD");
	}

	@Test
	void reservingTheLastUnitTakesTheProductOutOfInStockListingsAtOnce() {
		String sku = this.shelf.variant(1);
		String inStock = "/api/catalog/products?inStock=true&q=" + sku;
		assertThat(this.http.get(inStock).json().get("total").asLong()).isEqualTo(1);

		reserve(StockFixtures.orderId(), line(sku, 1));

		assertThat(this.http.get(inStock).json().get("total").asLong()).isZero();
	}

	@Test
	void aShortLineReservesNothingAndNamesTheShortLine() {
		String plenty = this.shelf.variant(5);
		String scarce = this.shelf.variant(1);
		String order = StockFixtures.orderId();

		Response response = reserve(order, line(plenty, 2), line(scarce, 2));

		assertProblem(response, 409, "insufficient-stock");
		JsonNode shortLines = response.json().get("lines");
		assertThat(shortLines).hasSize(1);
		assertThat(shortLines.get(0).get("sku").asString()).isEqualTo(scarce);
		assertThat(shortLines.get(0).get("requested").asInt()).isEqualTo(2);
		assertThat(shortLines.get(0).get("available").asInt()).isEqualTo(1);
		assertThat(this.shelf.stock(plenty)).isEqualTo(5);
		assertThat(this.shelf.stock(scarce)).isEqualTo(1);
		assertProblem(get(order), 404, "reservation-not-found");
	}

	@Test
	void everyShortLineIsNamed() {
		String first = this.shelf.variant(1);
		String plenty = this.shelf.variant(9);
		String second = this.shelf.variant(0);

		Response response = reserve(StockFixtures.orderId(), line(first, 2), line(plenty, 1), line(second, 1));

		assertProblem(response, 409, "insufficient-stock");
		JsonNode shortLines = response.json().get("lines");
		assertThat(shortLines).hasSize(2);
		assertThat(shortLines.get(0).get("sku").asString()).isEqualTo(first);
		assertThat(shortLines.get(1).get("sku").asString()).isEqualTo(second);
		assertThat(shortLines.get(1).get("available").asInt()).isZero();
		assertThat(this.shelf.stock(plenty)).isEqualTo(9);
	}

	@Test
	void whatTheCatalogShowsSoldOutIsRefusedWithoutWaitingForTheStore() {
		String sku = this.shelf.variant(0);
		// Units the catalog in memory has not heard of (as if received through another
		// instance a moment ago): the answer comes from memory, which says none.
		this.mongo.getCollection("products")
			.updateOne(new Document("variants.sku", sku),
					new Document("$inc", new Document("variants.$[variant].stock", 5)),
					new UpdateOptions().arrayFilters(List.of(new Document("variant.sku", sku))));

		Response response = reserve(StockFixtures.orderId(), line(sku, 1));

		assertProblem(response, 409, "insufficient-stock");
		assertThat(response.json().get("lines").get(0).get("available").asInt()).isZero();
		assertThat(this.shelf.stock(sku)).isEqualTo(5);
	}

	@Test
	void aRepeatOfAnOrderThatTookTheLastUnitsAnswersItsReservation() {
		String sku = this.shelf.variant(2);
		String order = StockFixtures.orderId();
		Response first = reserve(order, line(sku, 2));

		Response again = reserve(order, line(sku, 2));

		assertThat(first.status()).isEqualTo(201);
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(this.shelf.stock(sku)).isZero();
	}

	@Test
	void fiftyConcurrentReservationsOfTenUnitsHoldExactlyTen() throws Exception {
		String sku = this.shelf.variant(10);

		List<Integer> statuses = Concurrently.run(50, (i) -> reserve(StockFixtures.orderId(), line(sku, 1)).status());

		assertThat(statuses).filteredOn((status) -> status == 201).hasSize(10);
		assertThat(statuses).filteredOn((status) -> status == 409).hasSize(40);
		assertThat(this.shelf.stock(sku)).isZero();
	}

	@Test
	void repeatingAReservationAnswersTheSameOneAndTakesNothingMore() {
		String sku = this.shelf.variant(5);
		String order = StockFixtures.orderId();
		// expiresAt to the microsecond: stored to the millisecond, answered the same both
		// times.
		Response first = reserve(order, line(sku, 2), Duration.ofMinutes(90));

		Response again = reserve(order, line(sku, 2), Duration.ofMinutes(90));

		assertThat(first.status()).isEqualTo(201);
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.json()).isEqualTo(first.json());
		assertThat(this.shelf.stock(sku)).isEqualTo(3);
	}

	@Test
	void concurrentRepeatsOfOneReservationTakeTheStockOnce() throws Exception {
		String sku = this.shelf.variant(30);
		String order = StockFixtures.orderId();

		List<Integer> statuses = Concurrently.run(8, (i) -> reserve(order, line(sku, 3)).status());

		assertThat(statuses).filteredOn((status) -> status == 201).hasSize(1);
		assertThat(statuses).filteredOn((status) -> status == 200).hasSize(7);
		assertThat(this.shelf.stock(sku)).isEqualTo(27);
	}

	@Test
	void theSameOrderWithDifferentLinesIsAConflict() {
		String sku = this.shelf.variant(5);
		String order = StockFixtures.orderId();
		reserve(order, line(sku, 2));

		assertProblem(reserve(order, line(sku, 3)), 409, "reservation-conflict");
		assertThat(this.shelf.stock(sku)).isEqualTo(3);
	}

	@Test
	void commitIsIdempotentAndKeepsTheStockSold() {
		String sku = this.shelf.variant(5);
		String order = StockFixtures.orderId();
		reserve(order, line(sku, 2));

		Response first = post(order, "commit");
		Response again = post(order, "commit");

		assertReservation(first, "COMMITTED");
		assertReservation(again, "COMMITTED");
		assertThat(this.shelf.stock(sku)).isEqualTo(3);
	}

	@Test
	void releaseReturnsTheStockOnceAndIsIdempotent() {
		String sku = this.shelf.variant(5);
		String order = StockFixtures.orderId();
		reserve(order, line(sku, 2));

		Response first = post(order, "release");
		Response again = post(order, "release");

		assertReservation(first, "RELEASED");
		assertReservation(again, "RELEASED");
		assertThat(this.shelf.stock(sku)).isEqualTo(5);
	}

	@Test
	void releasingACommittedReservationIsAConflict() {
		String sku = this.shelf.variant(5);
		String order = StockFixtures.orderId();
		reserve(order, line(sku, 2));
		post(order, "commit");

		assertProblem(post(order, "release"), 409, "reservation-committed");
		assertThat(this.shelf.stock(sku)).isEqualTo(3);
	}

	@Test
	void theExpiryJobReleasesLapsedHoldsOnly() {
		String sku = this.shelf.variant(5);
		String lapsing = StockFixtures.orderId();
		String lasting = StockFixtures.orderId();
		reserve(lapsing, line(sku, 2));
		reserve(lasting, line(sku, 1), Duration.ofHours(20));

		this.clock.advance(Duration.ofHours(2));
		this.reservations.expireLapsed();

		assertThat(get(lapsing).json().get("status").asString()).isEqualTo("EXPIRED");
		assertThat(get(lasting).json().get("status").asString()).isEqualTo("HELD");
		assertThat(this.shelf.stock(sku)).isEqualTo(4);
		this.reservations.expireLapsed();
		assertThat(this.shelf.stock(sku)).isEqualTo(4);
	}

	@Test
	void releaseRacingTheExpiryJobReturnsTheStockOnce() throws Exception {
		String sku = this.shelf.variant(100);
		List<String> orders = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			String order = StockFixtures.orderId();
			reserve(order, line(sku, 2));
			orders.add(order);
		}
		assertThat(this.shelf.stock(sku)).isEqualTo(80);
		this.clock.advance(Duration.ofHours(2));

		// Every release and two expiry runs at once.
		Concurrently.run(orders.size() + 2, (i) -> (i < orders.size()) ? post(orders.get(i), "release").status()
				: this.reservations.expireLapsed());

		assertThat(this.shelf.stock(sku)).isEqualTo(100);
		for (String order : orders) {
			assertThat(get(order).json().get("status").asString()).isIn("RELEASED", "EXPIRED");
		}
	}

	@Test
	void commitAfterExpiryTakesTheStockAgainWhileItLasts() {
		String sku = this.shelf.variant(3);
		String order = StockFixtures.orderId();
		reserve(order, line(sku, 2));
		this.clock.advance(Duration.ofHours(2));
		this.reservations.expireLapsed();
		assertThat(this.shelf.stock(sku)).isEqualTo(3);

		Response committed = post(order, "commit");

		assertReservation(committed, "COMMITTED");
		assertThat(this.shelf.stock(sku)).isEqualTo(1);
	}

	@Test
	void concurrentCommitsAfterExpiryTakeTheStockOnceAndLeaveNoHold() throws Exception {
		// Repeated over several orders: the losing commits interleave with the winner
		// differently each time (before its take, between take and settle, after it).
		for (int round = 0; round < 5; round++) {
			String sku = this.shelf.variant(40);
			String order = StockFixtures.orderId();
			reserve(order, line(sku, 2));
			this.clock.advance(Duration.ofHours(2));
			this.reservations.expireLapsed();

			List<Integer> statuses = Concurrently.run(6, (i) -> post(order, "commit").status());

			assertThat(statuses).containsOnly(200);
			assertThat(get(order).json().get("status").asString()).isEqualTo("COMMITTED");
			assertThat(this.shelf.stock(sku)).as("round %d", round).isEqualTo(38);
			assertThat(this.ledger.holdsLapsedBefore(this.clock.instant().plus(Duration.ofDays(1))))
				.filteredOn((hold) -> hold.sku().equals(sku))
				.as("holds left on %s", sku)
				.isEmpty();
		}
	}

	@Test
	void commitAfterExpiryIsAConflictWhenTheStockHasGone() {
		String sku = this.shelf.variant(3);
		String order = StockFixtures.orderId();
		reserve(order, line(sku, 2));
		this.clock.advance(Duration.ofHours(2));
		this.reservations.expireLapsed();
		reserve(StockFixtures.orderId(), line(sku, 2));

		Response committed = post(order, "commit");

		assertProblem(committed, 409, "insufficient-stock");
		assertThat(committed.json().get("lines").get(0).get("available").asInt()).isEqualTo(1);
		assertThat(get(order).json().get("status").asString()).isEqualTo("EXPIRED");
		assertThat(this.shelf.stock(sku)).isEqualTo(1);
	}

	@Test
	void unknownOrInactiveSkusAreUnprocessableAndNothingIsHeld() {
		String sku = this.shelf.variant(5);
		String draft = this.shelf.variant(5, ProductStatus.DRAFT);

		Response response = reserve(StockFixtures.orderId(), line(sku, 1), line("LT-NO-SUCH-SKU", 1), line(draft, 1));

		assertProblem(response, 422, "unknown-sku");
		assertThat(response.json().get("skus")).hasSize(2);
		assertThat(response.json().get("skus").get(0).asString()).isEqualTo("LT-NO-SUCH-SKU");
		assertThat(response.json().get("skus").get(1).asString()).isEqualTo(draft);
		assertThat(this.shelf.stock(sku)).isEqualTo(5);
	}

	@Test
	void badRequestsAreProblemsAndHoldNothing() {
		String sku = this.shelf.variant(5);
		String expires = inAnHour().toString();
		List<String> bodies = List.of("{", "{\"orderId\":\"ord_x\",\"lines\":[],\"expiresAt\":\"" + expires + "\"}",
				"{\"orderId\":\"ord_x\",\"expiresAt\":\"" + expires + "\"}",
				"{\"orderId\":\"ord_x\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":0}],\"expiresAt\":\"" + expires
						+ "\"}",
				"{\"orderId\":\"ord_x\",\"lines\":[{\"sku\":\"" + sku + "\"}],\"expiresAt\":\"" + expires + "\"}",
				"{\"orderId\":\"\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}],\"expiresAt\":\"" + expires
						+ "\"}",
				"{\"orderId\":\"ord x/y\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}],\"expiresAt\":\""
						+ expires + "\"}",
				"{\"orderId\":\"ord_x\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1},{\"sku\":\"" + sku
						+ "\",\"quantity\":1}],\"expiresAt\":\"" + expires + "\"}",
				"{\"orderId\":\"ord_x\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}",
				"{\"orderId\":\"ord_x\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}],\"expiresAt\":\""
						+ this.clock.instant().minusSeconds(1) + "\"}",
				"{\"orderId\":\"ord_x\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}],\"expiresAt\":\""
						+ this.clock.instant().plus(Duration.ofHours(25)) + "\"}",
				"{\"orderId\":\"ord_x\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}],\"expiresAt\":\"soon\"}");

		for (String body : bodies) {
			Response response = send("POST", RESERVATIONS, body, service());
			assertThat(response.status()).as(body + " -> " + response.body()).isEqualTo(400);
			assertThat(response.contentType()).as(body).startsWith("application/problem+json");
		}
		assertThat(this.shelf.stock(sku)).isEqualTo(5);
		assertProblem(get("ord_x"), 404, "reservation-not-found");
	}

	@Test
	void unknownOrdersAreNotFound() {
		assertProblem(get("ord_unknown"), 404, "reservation-not-found");
		assertProblem(post("ord_unknown", "commit"), 404, "reservation-not-found");
		assertProblem(post("ord_unknown", "release"), 404, "reservation-not-found");
	}

	@Test
	void userTokensAreRefusedEvenForAdmins() {
		String sku = this.shelf.variant(5);
		String body = body(StockFixtures.orderId(), inAnHour(), line(sku, 1));

		Response admin = send("POST", RESERVATIONS, body, "Bearer " + TestJwts.token("admin-1", "ADMIN"));
		Response anonymous = this.http.send("POST", RESERVATIONS, body, "Content-Type", "application/json");

		assertProblem(admin, 401, "unauthorized");
		assertProblem(anonymous, 401, "unauthorized");
		assertThat(this.shelf.stock(sku)).isEqualTo(5);
	}

	@Test
	void serviceTokensWithoutTheScopeAreForbidden() {
		String sku = this.shelf.variant(5);
		String token = "Bearer " + TestJwts.serviceToken("search-service", "catalog:read");

		assertProblem(send("POST", RESERVATIONS, body(StockFixtures.orderId(), inAnHour(), line(sku, 1)), token), 403,
				"forbidden");
		assertProblem(send("GET", RESERVATIONS + "/ord_any", null, token), 403, "forbidden");
		assertThat(this.shelf.stock(sku)).isEqualTo(5);
	}

	private Instant inAnHour() {
		return this.clock.instant().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
	}

	private static String line(String sku, int quantity) {
		return "{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}";
	}

	private static String body(String orderId, Instant expiresAt, String... lines) {
		return "{\"orderId\":\"" + orderId + "\",\"lines\":[" + String.join(",", lines) + "],\"expiresAt\":\""
				+ expiresAt + "\"}";
	}

	private Response reserve(String orderId, String... lines) {
		return send("POST", RESERVATIONS, body(orderId, inAnHour(), lines), service());
	}

	private Response reserve(String orderId, String line, Duration lifetime) {
		Instant expiresAt = this.clock.instant().plus(lifetime).plusNanos(123_456);
		return send("POST", RESERVATIONS, body(orderId, expiresAt, line), service());
	}

	private Response get(String orderId) {
		return send("GET", RESERVATIONS + "/" + orderId, null, service());
	}

	private Response post(String orderId, String action) {
		return send("POST", RESERVATIONS + "/" + orderId + "/" + action, null, service());
	}

	private Response send(String method, String path, String body, String authorization) {
		if (body == null) {
			return this.http.send(method, path, null, "Authorization", authorization);
		}
		return this.http.send(method, path, body, "Authorization", authorization, "Content-Type", "application/json");
	}

	private static String service() {
		return "Bearer " + TestJwts.serviceToken("payment-service", "inventory:reserve");
	}

	private static void assertProblem(Response response, int status, String type) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + type);
	}

	/**
	 * An answer of 200 carrying the reservation in the given status.
	 */
	private static void assertReservation(Response response, String status) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("status").asString()).isEqualTo(status);
	}

}
