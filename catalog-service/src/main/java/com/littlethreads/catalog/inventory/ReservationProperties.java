package com.littlethreads.catalog.inventory;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reservation settings.
 *
 * @param expiryCheckInterval how often lapsed holds are looked for and released; a hold
 * outlives its expiry by at most this long
 */
@ConfigurationProperties("catalog.reservations")
record ReservationProperties(@DefaultValue("30s") Duration expiryCheckInterval) {

}
