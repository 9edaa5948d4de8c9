package com.littlethreads.catalog.product;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import com.littlethreads.platform.core.problem.ProblemType;
import com.littlethreads.platform.problem.Problems;

/**
 * The catalog's own problem types. Their type URIs are part of the API contract.
 */
public final class CatalogProblems {

	private CatalogProblems() {
	}

	public static ErrorResponseException productNotFound(String slug) {
		return problem(Problems.of(HttpStatus.NOT_FOUND, "product-not-found", "Product not found",
				"There is no product '%s' in the catalog.".formatted(slug)));
	}

	public static ErrorResponseException variantNotFound(String slug, String sku) {
		return problem(Problems.of(HttpStatus.NOT_FOUND, "variant-not-found", "Variant not found",
				"Product '%s' has no variant with SKU '%s'.".formatted(slug, sku)));
	}

	public static ErrorResponseException duplicate(String detail) {
		return problem(Problems.of(ProblemType.DUPLICATE, detail));
	}

	private static ErrorResponseException problem(ProblemDetail problem) {
		return Problems.exception(problem);
	}

}
