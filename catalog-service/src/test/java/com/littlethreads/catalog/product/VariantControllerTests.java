package com.littlethreads.catalog.product;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.littlethreads.catalog.CatalogConfiguration;

import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(VariantController.class)
@Import(CatalogConfiguration.class)
class VariantControllerTests {

	private static final String PROBLEMS = "https://littlethreads.shop/problems/";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ActiveProducts products;

	@Test
	void variantsAreAnsweredAsTheCatalogHoldsThemAndNeverCached() throws Exception {
		Money price = new Money(2400, "GBP");
		given(this.products.variants(List.of("LT-1-NAVY-5Y", "LT-UNKNOWN", "LT-1-NAVY-4T")))
			.willReturn(new VariantsView(List.of(
					new VariantsView.VariantItem("LT-1-NAVY-5Y", "cord-dungarees", "Cord Dungarees", Size.Y5, "navy",
							price, 0, false),
					new VariantsView.VariantItem("LT-1-NAVY-4T", "cord-dungarees", "Cord Dungarees", Size.T4, "navy",
							price, 3, true))));

		this.mvc.perform(get("/api/catalog/variants").param("sku", "LT-1-NAVY-5Y", "LT-UNKNOWN", "LT-1-NAVY-4T"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(header().doesNotExist("ETag"))
			.andExpect(jsonPath("$.items.length()").value(2))
			.andExpect(jsonPath("$.items[0].sku").value("LT-1-NAVY-5Y"))
			.andExpect(jsonPath("$.items[0].available").value(0))
			.andExpect(jsonPath("$.items[0].inStock").value(false))
			.andExpect(jsonPath("$.items[1].sku").value("LT-1-NAVY-4T"))
			.andExpect(jsonPath("$.items[1].slug").value("cord-dungarees"))
			.andExpect(jsonPath("$.items[1].name").value("Cord Dungarees"))
			.andExpect(jsonPath("$.items[1].size").value("4T"))
			.andExpect(jsonPath("$.items[1].colour").value("navy"))
			.andExpect(jsonPath("$.items[1].price.amount").value(2400))
			.andExpect(jsonPath("$.items[1].price.currency").value("GBP"))
			.andExpect(jsonPath("$.items[1].available").value(3))
			.andExpect(jsonPath("$.items[1].inStock").value(true));
	}

	@Test
	void noSkuIsABadRequestProblem() throws Exception {
		assertBadRequest(get("/api/catalog/variants"));
		verify(this.products, never()).variants(anyCollection());
	}

	@Test
	void moreThanFiftySkusIsABadRequestProblem() throws Exception {
		String[] skus = new String[51];
		for (int i = 0; i < skus.length; i++) {
			skus[i] = "LT-" + i;
		}
		assertBadRequest(get("/api/catalog/variants").param("sku", skus));
		verify(this.products, never()).variants(anyCollection());
	}

	@Test
	void fiftySkusAreAllowed() throws Exception {
		String[] skus = new String[50];
		for (int i = 0; i < skus.length; i++) {
			skus[i] = "LT-" + i;
		}
		given(this.products.variants(List.of(skus))).willReturn(new VariantsView(List.of()));

		this.mvc.perform(get("/api/catalog/variants").param("sku", skus))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(0));
	}

	@Test
	void aBlankSkuIsABadRequestProblem() throws Exception {
		assertBadRequest(get("/api/catalog/variants").param("sku", "LT-1", " "));
	}

	private void assertBadRequest(MockHttpServletRequestBuilder request) throws Exception {
		this.mvc.perform(request)
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.startsWith(PROBLEMS)));
	}

}
