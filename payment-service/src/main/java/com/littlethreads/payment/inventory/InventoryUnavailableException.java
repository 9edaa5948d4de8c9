package com.littlethreads.payment.inventory;

/**
 * catalog-service (or the token endpoint in front of it) could not be reached or gave an
 * unexpected answer; the outcome of the call is unknown.
 */
public class InventoryUnavailableException extends RuntimeException {

	public InventoryUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
