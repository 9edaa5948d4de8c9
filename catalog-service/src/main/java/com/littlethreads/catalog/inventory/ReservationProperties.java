package com.littlethreads.catalog.inventory;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reservation settings.
 *
 * @param expiryCheckInterval how often lapsed holds are looked for and released; a hold
 * outlives its expiry by at most this long
 * @param repairInterval how often holds left behind by a crash are looked for
 * @param repairGrace how long past its lapse ({@link StockHold#until}) a hold must be
 * before the repair job may act on it. It must be longer than any reserve or commit call
 * can take, because until that call has recorded its reservation (or its new status) the
 * hold looks exactly like one a crash left behind; a repair inside the grace would undo a
 * call still in flight
 */
@ConfigurationProperties("catalog.reservations")
record ReservationProperties(@DefaultValue("30s") Duration expiryCheckInterval,
		@DefaultValue("1m") Duration repairInterval, @DefaultValue("2m") Duration repairGrace) {

}
