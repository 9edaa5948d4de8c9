package com.littlethreads.catalog.search;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import com.littlethreads.catalog.CatalogConfiguration;
import com.littlethreads.catalog.product.Category;
import com.littlethreads.catalog.product.Gender;
import com.littlethreads.platform.test.SliceDocument;
import com.littlethreads.catalog.product.Size;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ProductSearchController.class)
@Import(CatalogConfiguration.class)
class ProductSearchControllerTests {

	private static final String PROBLEMS = "https://littlethreads.shop/problems/";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ProductSearch search;

	@BeforeEach
	void emptyResults() {
		given(this.search.search(any())).willReturn(new ProductPage(List.of(), 0, 24, 0, Map.of()));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			page=-1                  | validation-failed | page
			pageSize=0               | validation-failed | pageSize
			pageSize=101             | validation-failed | pageSize
			page=abc                 | invalid-parameter | page
			pageSize=ten             | invalid-parameter | pageSize
			sort=cheapest            | invalid-parameter | sort
			category=hats            | invalid-parameter | category
			gender=adults            | invalid-parameter | gender
			size=XL                  | invalid-parameter | size
			minPrice=-5              | validation-failed | minPrice
			maxPrice=cheap           | invalid-parameter | maxPrice
			inStock=maybe            | invalid-parameter | inStock
			colour=Navy!             | validation-failed | colour
			minPrice=2000&maxPrice=1000 | validation-failed | maxPrice
			""")
	void badQueryIsAProblemNamingTheParameter(String query, String type, String field) throws Exception {
		this.mvc.perform(get("/api/catalog/products?" + query))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value(PROBLEMS + type))
			.andExpect(jsonPath("$.title").isNotEmpty())
			.andExpect(jsonPath("$.detail").value(containsString(field)))
			.andExpect(jsonPath("$.errors[0].field").value(field))
			.andExpect(jsonPath("$.requestId").isNotEmpty());
		verify(this.search, never()).search(any());
	}

	@Test
	void unknownEnumValueListsTheAcceptedOnes() throws Exception {
		this.mvc.perform(get("/api/catalog/products?category=hats"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(
					"Parameter 'category' must be one of tops, bottoms, dresses, outerwear, sleepwear, swimwear, accessories."));
	}

	@Test
	void overlongTextQueryIsRefused() throws Exception {
		this.mvc.perform(get("/api/catalog/products").param("q", "x".repeat(101)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("q"));
	}

	@Test
	void parametersBecomeCriteriaWithRepeatedAndCommaSeparatedValues() throws Exception {
		this.mvc
			.perform(get("/api/catalog/products?category=tops,dresses&gender=GIRLS&size=4T&size=12-18M&colour=navy"
					+ "&minPrice=500&maxPrice=2500&inStock=true&q=stripe&sort=price-desc&page=2&pageSize=10")
				// Accepted for hand-written links; the document advertises one form only
				// (repeated, lower-case values), the one generated clients send.
				.with(SliceDocument.outsideTheDocument("comma-separated and upper-case values")))
			.andExpect(status().isOk());

		ArgumentCaptor<SearchCriteria> criteria = ArgumentCaptor.forClass(SearchCriteria.class);
		verify(this.search).search(criteria.capture());
		assertThat(criteria.getValue()).isEqualTo(new SearchCriteria(Set.of(Category.TOPS, Category.DRESSES),
				Set.of(Gender.GIRLS), Set.of(Size.T4, Size.M12_18), Set.of("navy"), 500L, 2500L, true, null, "stripe",
				ProductSort.PRICE_DESC, 2, 10));
	}

	@Test
	void defaultsAreFirstPageOf24NewestFirst() throws Exception {
		this.mvc.perform(get("/api/catalog/products")).andExpect(status().isOk());

		ArgumentCaptor<SearchCriteria> criteria = ArgumentCaptor.forClass(SearchCriteria.class);
		verify(this.search).search(criteria.capture());
		assertThat(criteria.getValue().page()).isZero();
		assertThat(criteria.getValue().pageSize()).isEqualTo(24);
		assertThat(criteria.getValue().sort()).isEqualTo(ProductSort.NEWEST);
	}

	@Test
	void listingIsPubliclyCacheable() throws Exception {
		this.mvc.perform(get("/api/catalog/products"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "max-age=60, public"));
	}

	@Test
	void listingNeedsNoToken() throws Exception {
		this.mvc.perform(get("/api/catalog/products")).andExpect(status().isOk());
	}

	@Test
	void postingToTheListingIsMethodNotAllowed() throws Exception {
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/catalog/products"))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value(PROBLEMS + "method-not-allowed"));
	}

}
