package com.littlethreads.catalog.inventory;

import java.time.Clock;
import java.time.Duration;

import net.javacrumbs.shedlock.core.ClockProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.littlethreads.catalog.CatalogApplication;
import com.littlethreads.platform.devstore.EmbeddedMongoServer;
import com.littlethreads.platform.test.MutableClock;
import com.littlethreads.platform.test.TestJwts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two catalog instances on one store, both ticking: the expiry job runs on one of them
 * per interval. The second instance's clock is past a hold's expiry, yet its tick inside
 * the interval does nothing, because the first instance ran the job and holds its lock;
 * once the interval has passed, it runs. ShedLock's clock is moved, not waited for.
 */
@Tag("slow") // two instances on one store
class InventoryJobsLockTests extends InventoryIntegrationTest {

	@Autowired
	InventoryJobs jobs;

	@Autowired
	EmbeddedMongoServer store;

	private final MutableClock lockClock = new MutableClock();

	private ConfigurableApplicationContext secondInstance;

	@BeforeEach
	void secondInstanceOnTheSameStore() {
		ClockProvider.setClock(this.lockClock);
		this.secondInstance = new SpringApplicationBuilder(CatalogApplication.class, MovableClock.class).run(
				"--server.port=0", "--spring.mongodb.uri=" + this.store.connectionString().getConnectionString(),
				"--catalog.reservations.expiry-check-interval=1h", "--catalog.reservations.repair-interval=1h",
				"--littlethreads.scheduling.lock-at-most-for=2h");
	}

	@AfterEach
	void stopSecondInstance() {
		this.secondInstance.close();
		ClockProvider.setClock(Clock.systemUTC());
	}

	@Test
	void aLapsedHoldIsReleasedOncePerIntervalByWhicheverInstanceHoldsTheLock() {
		String sku = this.shelf.variant(5);
		String order = StockFixtures.orderId();
		reserve(order, sku, 2);
		this.lockClock.advance(Duration.ofHours(2));
		this.jobs.expireLapsedReservations();

		// Two hours past this instance's time, which earlier tests of the shared context
		// may have moved well ahead of the second instance's own.
		MutableClock secondClock = this.secondInstance.getBean(MutableClock.class);
		secondClock.advance(Duration.between(secondClock.instant(), this.clock.instant()).plus(Duration.ofHours(2)));
		this.lockClock.advance(Duration.ofMinutes(30));
		InventoryJobs second = this.secondInstance.getBean(InventoryJobs.class);
		second.expireLapsedReservations();
		assertThat(this.shelf.stock(sku)).as("the first instance holds the lock for its interval").isEqualTo(3);

		this.lockClock.advance(Duration.ofMinutes(31));
		second.expireLapsedReservations();
		assertThat(this.shelf.stock(sku)).isEqualTo(5);
	}

	private void reserve(String order, String sku, int quantity) {
		String body = "{\"orderId\":\"" + order + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity
				+ "}],\"expiresAt\":\"" + this.clock.instant().plus(Duration.ofHours(1)) + "\"}";
		assertThat(this.http
			.send("POST", RESERVATIONS, body, "Authorization",
					"Bearer " + TestJwts.serviceToken("payment-service", "inventory:reserve"), "Content-Type",
					"application/json")
			.status()).isEqualTo(201);
	}

}
