package com.littlethreads.payment.catalog;

import java.util.List;

/**
 * catalog-service has too little stock for some lines; nothing was reserved or committed.
 */
public class InsufficientStockException extends RuntimeException {

	private final List<ShortLine> lines;

	public InsufficientStockException(List<ShortLine> lines) {
		super("Insufficient stock for " + lines);
		this.lines = List.copyOf(lines);
	}

	public List<ShortLine> lines() {
		return this.lines;
	}

	/**
	 * A line catalog-service could not fill.
	 *
	 * @param sku the variant
	 * @param requested how many were asked for
	 * @param available how many are left
	 */
	public record ShortLine(String sku, int requested, int available) {

	}

}
