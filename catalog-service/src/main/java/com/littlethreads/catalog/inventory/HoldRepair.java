package com.littlethreads.catalog.inventory;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

/**
 * Finishes what a crash interrupted. Every hold on a product says which order has the
 * units and until when ({@link StockHold#until}: its reservation's expiry, or at once for
 * a late commit's); once that is past by the grace period (so no live call can still be
 * about to record its reservation or its new status, and the expiry job has had its
 * turn), the order's reservation says what should have become of it:
 * <ul>
 * <li>no reservation: the reserve crashed before recording it; the stock goes back</li>
 * <li>{@code HELD}: the hold is live; left alone</li>
 * <li>{@code COMMITTED}: sold; the hold is removed and the stock stays taken</li>
 * <li>{@code RELEASED} or {@code EXPIRED}: the stock goes back</li>
 * </ul>
 * Giving back and settling remove the hold in the same atomic update, so a second run (or
 * a release racing this one) finds nothing left to do.
 * <p>
 * Waiting for the hold's own expiry means a reserve that died before recording its
 * reservation holds its stock as long as an unpaid checkout does, and a release that died
 * before giving back returns the stock when the reservation would have lapsed; in return
 * the job never looks at the holds of live reservations, which during a sale are most of
 * the catalog (reading them all every minute cost the catalog's slowest answers,
 * docs/benchmarks.md).
 */
@Component
class HoldRepair {

	private static final Log log = LogFactory.getLog(HoldRepair.class);

	private final StockLedger ledger;

	private final StockReservations reservations;

	private final ReservationProperties properties;

	private final Clock clock;

	HoldRepair(StockLedger ledger, StockReservations reservations, ReservationProperties properties, Clock clock) {
		this.ledger = ledger;
		this.reservations = reservations;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Gives back or settles every hold lapsed for longer than the grace period whose
	 * reservation no longer holds it.
	 * @return how many holds were repaired
	 */
	int repair() {
		Instant cutoff = this.clock.instant().minus(this.properties.repairGrace());
		int repaired = 0;
		for (StockHold hold : this.ledger.holdsLapsedBefore(cutoff)) {
			Optional<ReservationStatus> status = this.reservations.find(hold.orderId()).map(Reservation::status);
			if (status.isPresent() && status.get() == ReservationStatus.HELD) {
				continue;
			}
			if (status.isPresent() && status.get() == ReservationStatus.COMMITTED) {
				if (this.ledger.settle(hold.orderId(), hold.sku())) {
					log.warn("Repaired the hold of order " + hold.orderId() + " on " + hold.sku()
							+ ": the order is committed, so its " + hold.quantity() + " unit(s) stay sold");
					repaired++;
				}
				continue;
			}
			String why = status.map((lapsed) -> "the reservation is " + lapsed).orElse("there is no reservation");
			if (this.ledger.giveBack(hold.orderId(), hold.sku(), hold.purpose())) {
				log.warn("Repaired the hold of order " + hold.orderId() + " on " + hold.sku() + ": " + why + ", so its "
						+ hold.quantity() + " unit(s) went back into stock");
				repaired++;
			}
		}
		return repaired;
	}

}
