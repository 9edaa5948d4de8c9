package com.littlethreads.catalog.inventory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.littlethreads.catalog.inventory.Reservation.ReservationLine;
import com.littlethreads.catalog.inventory.StockReservations.Reserved;
import com.littlethreads.platform.problem.Problems;

/**
 * The internal reservations API payment-service calls. Hidden from the public OpenAPI
 * description, which documents what the gateway serves: these paths are never routed
 * there, and only a service token with scope {@code inventory:reserve} may call them.
 * docs/inventory-api.md describes them.
 */
@RestController
@RequestMapping("/internal/inventory/reservations")
@Hidden
class ReservationController {

	/**
	 * The longest a hold may last: long enough for any checkout, short enough that an
	 * abandoned one cannot lock stock away for days.
	 */
	static final Duration LONGEST_HOLD = Duration.ofHours(24);

	private final StockReservations reservations;

	private final Clock clock;

	ReservationController(StockReservations reservations, Clock clock) {
		this.reservations = reservations;
		this.clock = clock;
	}

	@PostMapping
	ResponseEntity<ReservationView> reserve(@Valid @RequestBody ReservationRequest request) {
		Instant now = this.clock.instant();
		if (!request.expiresAt().isAfter(now)) {
			throw Problems.invalidField("expiresAt", "must be in the future");
		}
		if (request.expiresAt().isAfter(now.plus(LONGEST_HOLD))) {
			throw Problems.invalidField("expiresAt", "must be at most 24 hours ahead");
		}
		Set<String> skus = new HashSet<>();
		for (ReservationRequest.LineRequest line : request.lines()) {
			if (!skus.add(line.sku())) {
				throw Problems.invalidField("lines", "names SKU '%s' more than once".formatted(line.sku()));
			}
		}
		List<ReservationLine> lines = request.lines()
			.stream()
			.map((line) -> new ReservationLine(line.sku(), line.quantity()))
			.toList();
		// Stored to the millisecond (BSON dates), so a repeat answers exactly what the
		// first call did.
		Instant expiresAt = request.expiresAt().truncatedTo(ChronoUnit.MILLIS);
		Reserved reserved = this.reservations.reserve(request.orderId(), lines, expiresAt);
		return ResponseEntity.status(reserved.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.cacheControl(CacheControl.noStore())
			.body(ReservationView.of(reserved.reservation()));
	}

	@GetMapping("/{orderId}")
	ResponseEntity<ReservationView> get(@PathVariable String orderId) {
		Reservation reservation = this.reservations.find(orderId)
			.orElseThrow(() -> InventoryProblems.notFound(orderId));
		return noStore(reservation);
	}

	@PostMapping("/{orderId}/commit")
	ResponseEntity<ReservationView> commit(@PathVariable String orderId) {
		return noStore(this.reservations.commit(orderId));
	}

	@PostMapping("/{orderId}/release")
	ResponseEntity<ReservationView> release(@PathVariable String orderId) {
		return noStore(this.reservations.release(orderId));
	}

	private static ResponseEntity<ReservationView> noStore(Reservation reservation) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(ReservationView.of(reservation));
	}

}
