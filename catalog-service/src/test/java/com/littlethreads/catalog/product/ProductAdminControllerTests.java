package com.littlethreads.catalog.product;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.littlethreads.catalog.CatalogConfiguration;

import static com.littlethreads.catalog.product.ProductJson.aProduct;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ProductAdminController.class)
@Import(CatalogConfiguration.class)
class ProductAdminControllerTests {

	private static final String PROBLEMS = "https://littlethreads.shop/problems/";

	private static final String PRODUCTS = "/api/catalog/admin/products";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ProductRepository products;

	@Test
	void missingFieldsAreListedOneEntryEach() throws Exception {
		this.mvc.perform(json(post(PRODUCTS), "{\"slug\": \"x\"}").with(role("ADMIN")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value(PROBLEMS + "validation-failed"))
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("name", "description", "category",
					"gender", "seasons", "material", "care", "price", "variants")));
		verify(this.products, never()).insert(any(Product.class));
	}

	@Test
	void invalidNestedFieldsAreNamedByPath() throws Exception {
		String body = aProduct("Bad Slug!").with("price", Map.of("amount", -1, "currency", "gbp"))
			.withVariant("lt-1", "4T", "Navy", -3)
			.build();

		this.mvc.perform(json(post(PRODUCTS), body).with(role("ADMIN")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("slug", "price.amount", "price.currency",
					"variants[0].sku", "variants[0].colour", "variants[0].stock")));
	}

	@Test
	void unknownSizeInBodyIsAMalformedBodyNamingTheField() throws Exception {
		String body = aProduct("tee").withVariant("LT-1", "XXL", "navy", 3).build();

		this.mvc.perform(json(post(PRODUCTS), body).with(role("ADMIN")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "malformed-body"))
			.andExpect(jsonPath("$.detail").value(containsString("variants[0].size")));
	}

	@Test
	void wronglyTypedFieldIsAMalformedBody() throws Exception {
		String body = aProduct("tee").with("price", Map.of("amount", "twelve", "currency", "GBP"))
			.withVariant("LT-1", "4T", "navy", 3)
			.build();

		this.mvc.perform(json(post(PRODUCTS), body).with(role("ADMIN")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "malformed-body"))
			.andExpect(jsonPath("$.detail").value("Field 'price.amount' must be a whole number."));
	}

	@Test
	void malformedJsonIsABadRequest() throws Exception {
		this.mvc.perform(json(post(PRODUCTS), "{\"slug\": ").with(role("ADMIN")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "malformed-body"));
	}

	@Test
	void formBodyIsUnsupportedMediaType() throws Exception {
		this.mvc.perform(
				post(PRODUCTS).contentType(MediaType.APPLICATION_FORM_URLENCODED).content("slug=x").with(role("ADMIN")))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "unsupported-media-type"));
	}

	@Test
	void deletingAProductIsMethodNotAllowed() throws Exception {
		this.mvc.perform(delete(PRODUCTS + "/tee").with(role("ADMIN")))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "method-not-allowed"));
	}

	@Test
	void priceInAnotherCurrencyIsRefused() throws Exception {
		String body = aProduct("tee").with("price", Map.of("amount", 1200, "currency", "EUR"))
			.withVariant("LT-1", "4T", "navy", 3)
			.build();

		this.mvc.perform(json(post(PRODUCTS), body).with(role("ADMIN")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("price.currency"))
			.andExpect(jsonPath("$.detail").value(containsString("GBP")));
	}

	@Test
	void repeatedSizeAndColourIsAConflict() throws Exception {
		String body = aProduct("tee").withVariant("LT-1", "4T", "navy", 3).withVariant("LT-2", "4T", "navy", 1).build();

		this.mvc.perform(json(post(PRODUCTS), body).with(role("ADMIN")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "duplicate"));
		verify(this.products, never()).insert(any(Product.class));
	}

	@Test
	void updateWithoutVersionIsRefused() throws Exception {
		String body = ProductJson.json(Map.of("name", "Tee", "description", "A tee.", "category", "tops", "gender",
				"boys", "seasons", List.of(), "material", "cotton", "care", List.of(), "price",
				Map.of("amount", 1000, "currency", "GBP"), "status", "active", "featured", false));

		this.mvc.perform(json(put(PRODUCTS + "/tee"), body).with(role("ADMIN")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].field").value("version"));
	}

	@Test
	void unknownProductIsNotFound() throws Exception {
		given(this.products.findBySlug("nope")).willReturn(Optional.empty());

		this.mvc.perform(get(PRODUCTS + "/nope").with(role("ADMIN")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "product-not-found"))
			.andExpect(jsonPath("$.detail").value("There is no product 'nope' in the catalog."));
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private static RequestPostProcessor role(String role) {
		return jwt().authorities(new SimpleGrantedAuthority("ROLE_" + role));
	}

}
