package com.littlethreads.catalog.inventory;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import com.littlethreads.platform.problem.Problems;

/**
 * The inventory API's problem types (documented in docs/problems.md).
 */
final class InventoryProblems {

	private InventoryProblems() {
	}

	static ErrorResponseException insufficientStock(List<Shortfall> lines) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "insufficient-stock", "Not enough stock",
				"Not enough stock for %s; nothing was reserved."
					.formatted(String.join(", ", lines.stream().map(Shortfall::sku).toList())));
		problem.setProperty("lines", lines);
		return Problems.exception(problem);
	}

	static ErrorResponseException unknownSkus(List<String> skus) {
		ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-sku", "Unknown product",
				"These SKUs are not for sale: %s.".formatted(String.join(", ", skus)));
		problem.setProperty("skus", skus);
		return Problems.exception(problem);
	}

	static ErrorResponseException conflict(String orderId) {
		return Problems.exception(Problems.of(HttpStatus.CONFLICT, "reservation-conflict", "Reservation conflict",
				"Order '%s' already has a reservation with different lines.".formatted(orderId)));
	}

	static ErrorResponseException committed(String orderId) {
		return Problems.exception(Problems.of(HttpStatus.CONFLICT, "reservation-committed", "Reservation committed",
				"The reservation of order '%s' is committed; its stock is sold and cannot be released."
					.formatted(orderId)));
	}

	static ErrorResponseException notFound(String orderId) {
		return Problems.exception(Problems.of(HttpStatus.NOT_FOUND, "reservation-not-found", "Reservation not found",
				"There is no reservation for order '%s'.".formatted(orderId)));
	}

	/**
	 * A line that cannot be held.
	 *
	 * @param sku the variant
	 * @param requested the units asked for
	 * @param available the units on hand when it was checked
	 */
	record Shortfall(String sku, int requested, int available) {

	}

}
