package com.littlethreads.catalog.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.BasicQuery;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.littlethreads.catalog.product.ApiValue;
import com.littlethreads.catalog.product.Category;
import com.littlethreads.catalog.product.Gender;
import com.littlethreads.catalog.product.Product;
import com.littlethreads.catalog.product.ProductSummary;
import com.littlethreads.catalog.product.Size;

/**
 * Runs a listing: one query for the page, one count, and one aggregation per facet. Each
 * facet is counted under every current filter except its own (so choosing "tops" still
 * shows how many dresses there are), and counts products, not variants.
 */
@Component
public class ProductSearch {

	private static final String COLLECTION = "products";

	private final MongoTemplate mongo;

	ProductSearch(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Cacheable("productSearch")
	public ProductPage search(SearchCriteria criteria) {
		Query page = new BasicQuery(criteria.productFilter(null)).with(criteria.sort().sort())
			.skip((long) criteria.page() * criteria.pageSize())
			.limit(criteria.pageSize());
		List<ProductSummary> items = this.mongo.find(page, Product.class).stream().map(ProductSummary::of).toList();
		long total = this.mongo.count(new BasicQuery(criteria.productFilter(null)), Product.class);
		Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
		facets.put(Facet.CATEGORY.key(), ordered(count(criteria, Facet.CATEGORY), Category.class));
		facets.put(Facet.GENDER.key(), ordered(count(criteria, Facet.GENDER), Gender.class));
		facets.put(Facet.SIZE.key(), ordered(count(criteria, Facet.SIZE), Size.class));
		facets.put(Facet.COLOUR.key(), byCountThenName(count(criteria, Facet.COLOUR)));
		return new ProductPage(items, criteria.page(), criteria.pageSize(), total, facets);
	}

	private Map<String, Long> count(SearchCriteria criteria, Facet facet) {
		List<Document> pipeline = new ArrayList<>();
		pipeline.add(new Document("$match", criteria.productFilter(facet)));
		String field;
		if (facet == Facet.SIZE || facet == Facet.COLOUR) {
			// One count per product, however many of its variants carry the value.
			pipeline.add(new Document("$unwind", "$variants"));
			Document variantFilter = criteria.variantFilter(facet, "variants.");
			if (!variantFilter.isEmpty()) {
				pipeline.add(new Document("$match", variantFilter));
			}
			String variantField = "$variants." + facet.key();
			pipeline.add(new Document("$group",
					new Document("_id", new Document("product", "$_id").append("value", variantField))));
			field = "$_id.value";
		}
		else {
			field = "$" + facet.key();
		}
		pipeline.add(new Document("$group", new Document("_id", field).append("count", new Document("$sum", 1))));
		Map<String, Long> counts = new LinkedHashMap<>();
		for (Document row : this.mongo.getCollection(COLLECTION).aggregate(pipeline)) {
			Object value = row.get("_id");
			if (value != null) {
				counts.put(value.toString(), ((Number) row.get("count")).longValue());
			}
		}
		return counts;
	}

	/**
	 * Facet values of an enumerated dimension in its natural order (the size scale, the
	 * category menu), spelled as the API spells them.
	 */
	private static <E extends Enum<E> & ApiValue> List<FacetValue> ordered(Map<String, Long> counts, Class<E> type) {
		Map<E, Long> byConstant = new EnumMap<>(type);
		counts.forEach((name, count) -> byConstant.put(Enum.valueOf(type, name), count));
		return byConstant.entrySet()
			.stream()
			.map((entry) -> new FacetValue(entry.getKey().value(), entry.getValue()))
			.toList();
	}

	private static List<FacetValue> byCountThenName(Map<String, Long> counts) {
		return counts.entrySet()
			.stream()
			.map((entry) -> new FacetValue(entry.getKey(), entry.getValue()))
			.sorted(Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value))
			.toList();
	}

}
