package com.littlethreads.catalog.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.littlethreads.catalog.CatalogProperties;
import com.littlethreads.catalog.product.Category;
import com.littlethreads.catalog.product.Gender;
import com.littlethreads.platform.problem.Problems;

/**
 * The product listing the storefront's category, search and filter pages call.
 */
@RestController
@Tag(name = "Products")
class ProductSearchController {

	private final ProductSearch search;

	private final CacheControl publicCache;

	ProductSearchController(ProductSearch search, CatalogProperties properties) {
		this.search = search;
		this.publicCache = CacheControl.maxAge(properties.publicMaxAge()).cachePublic();
	}

	@GetMapping("/api/catalog/products")
	@Operation(summary = "List active products with filters, sorting, paging and facet counts")
	ResponseEntity<ProductPage> list(
			@Parameter(
					description = "tops, bottoms, dresses, outerwear, sleepwear, swimwear, accessories") @RequestParam(
							required = false) List<Category> category,
			@Parameter(description = "girls, boys, unisex") @RequestParam(required = false) List<Gender> gender,
			@Parameter(description = "0-3M, 3-6M, 6-12M, 12-18M, 18-24M, 2T, 3T, 4T, 5Y ... 14Y") @RequestParam(
					required = false) List<com.littlethreads.catalog.product.Size> size,
			@Parameter(description = "for example navy or dusty-pink") @RequestParam(
					required = false) List<@Pattern(regexp = "[a-z]+(-[a-z]+)*",
							message = "must be lower-case words joined by hyphens") @Size(max = 30) String> colour,
			@Parameter(description = "lowest price in minor units, inclusive") @RequestParam(
					required = false) @Min(0) Long minPrice,
			@Parameter(description = "highest price in minor units, inclusive") @RequestParam(
					required = false) @Min(0) Long maxPrice,
			@Parameter(description = "only products with a matching size and colour in stock") @RequestParam(
					defaultValue = "false") boolean inStock,
			@Parameter(description = "only featured products") @RequestParam(required = false) Boolean featured,
			@Parameter(description = "text found literally in the name or description") @RequestParam(
					required = false) @Size(max = 100) String q,
			@RequestParam(defaultValue = "newest") ProductSort sort,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "24") @Min(1) @Max(100) int pageSize) {
		if (minPrice != null && maxPrice != null && minPrice > maxPrice) {
			throw Problems.invalidField("maxPrice", "must not be below minPrice");
		}
		SearchCriteria criteria = new SearchCriteria(set(category), set(gender), set(size), set(colour), minPrice,
				maxPrice, inStock, featured, q, sort, page, pageSize);
		return ResponseEntity.ok().cacheControl(this.publicCache).body(this.search.search(criteria));
	}

	/**
	 * The values of a repeatable filter. A blank value ({@code category=}, which a form's
	 * empty "any" option sends) arrives as {@code null} and filters nothing.
	 */
	private static <T> Set<T> set(List<T> values) {
		if (values == null) {
			return Set.of();
		}
		Set<T> set = new LinkedHashSet<>(values);
		set.remove(null);
		return set;
	}

}
