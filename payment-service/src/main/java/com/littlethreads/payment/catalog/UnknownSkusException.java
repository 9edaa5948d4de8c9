package com.littlethreads.payment.catalog;

import java.util.List;

/**
 * catalog-service does not sell some SKUs (unknown or no longer active).
 */
public class UnknownSkusException extends RuntimeException {

	private final List<String> skus;

	public UnknownSkusException(List<String> skus) {
		super("Unknown SKUs " + skus);
		this.skus = List.copyOf(skus);
	}

	public List<String> skus() {
		return this.skus;
	}

}
