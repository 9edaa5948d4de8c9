package com.littlethreads.catalog.inventory;

/**
 * Where a reservation is in its life. Only {@code HELD} holds stock that may still be
 * returned; {@code COMMITTED} stock is sold; {@code RELEASED} and {@code EXPIRED} stock
 * is back on the shelf.
 */
enum ReservationStatus {

	HELD, COMMITTED, RELEASED, EXPIRED

}
