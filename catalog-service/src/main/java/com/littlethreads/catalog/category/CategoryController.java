package com.littlethreads.catalog.category;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.littlethreads.catalog.CatalogProperties;
import com.littlethreads.catalog.product.Category;
import com.littlethreads.catalog.search.FacetValue;
import com.littlethreads.catalog.search.ProductSearch;
import com.littlethreads.catalog.search.SearchCriteria;

/**
 * Every category, in menu order, with how many active products it has.
 */
@RestController
@Tag(name = "Categories")
class CategoryController {

	private final ProductSearch search;

	private final CacheControl publicCache;

	CategoryController(ProductSearch search, CatalogProperties properties) {
		this.search = search;
		this.publicCache = CacheControl.maxAge(properties.publicMaxAge()).cachePublic();
	}

	@GetMapping("/api/catalog/categories")
	@Operation(summary = "Every category with its number of active products")
	ResponseEntity<List<CategoryCount>> categories() {
		Map<String, Long> counts = this.search.search(SearchCriteria.everything())
			.facets()
			.get("category")
			.stream()
			.collect(Collectors.toMap(FacetValue::value, FacetValue::count));
		List<CategoryCount> categories = Arrays.stream(Category.values())
			.map((category) -> new CategoryCount(category, category.label(), counts.getOrDefault(category.value(), 0L)))
			.toList();
		return ResponseEntity.ok().cacheControl(this.publicCache).body(categories);
	}

	/**
	 * A category in the menu.
	 *
	 * @param category the value the listing's {@code category} filter takes
	 * @param label how the menu names it
	 * @param count its active products
	 */
	record CategoryCount(Category category, String label, long count) {

	}

}
