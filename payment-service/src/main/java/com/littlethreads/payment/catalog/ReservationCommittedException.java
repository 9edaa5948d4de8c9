package com.littlethreads.payment.catalog;

/**
 * catalog-service cannot release a reservation that was committed: its stock is sold.
 */
public class ReservationCommittedException extends RuntimeException {

	public ReservationCommittedException() {
		super("The reservation was already committed");
	}

}
