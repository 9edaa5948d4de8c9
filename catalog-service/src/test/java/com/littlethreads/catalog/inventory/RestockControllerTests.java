package com.littlethreads.catalog.inventory;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.littlethreads.catalog.CatalogConfiguration;
import com.littlethreads.catalog.product.Product;
import com.littlethreads.catalog.product.ProductRepository;
import com.littlethreads.catalog.product.Size;

import static com.littlethreads.catalog.product.ProductBuilder.aProduct;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(RestockController.class)
@Import(CatalogConfiguration.class)
class RestockControllerTests {

	private static final String PROBLEMS = "https://littlethreads.shop/problems/";

	private static final String RESTOCK = "/api/catalog/admin/products/tee/variants/LT-1-RED-4T/restock";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	StockLedger ledger;

	@MockitoBean
	ProductRepository products;

	@Test
	void restockAddsTheUnitsAndAnswersTheProductAsAdminsSeeIt() throws Exception {
		Product tee = aProduct("tee").withVariant("LT-1-RED-4T", Size.T4, "red", 5).build();
		Product restocked = aProduct("tee").withVariant("LT-1-RED-4T", Size.T4, "red", 9).build();
		// As stored: the version restocking leaves alone.
		ReflectionTestUtils.setField(restocked, "version", 3L);
		given(this.products.findBySlug("tee")).willReturn(Optional.of(tee));
		given(this.ledger.restock("tee", "LT-1-RED-4T", 4)).willReturn(Optional.of(restocked));

		this.mvc.perform(json(post(RESTOCK), "{\"quantity\": 4}").with(role("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.slug").value("tee"))
			.andExpect(jsonPath("$.variants[0].stock").value(9))
			.andExpect(jsonPath("$.version").value(3));
	}

	@Test
	void onlyAdminsMayRestock() throws Exception {
		this.mvc.perform(json(post(RESTOCK), "{\"quantity\": 4}"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		this.mvc.perform(json(post(RESTOCK), "{\"quantity\": 4}").with(role("SHOPPER")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "forbidden"));
		verifyNoInteractions(this.ledger);
	}

	@Test
	void restockOfZeroIsRefused() throws Exception {
		this.mvc.perform(json(post(RESTOCK), "{\"quantity\": 0}").with(role("ADMIN")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors[0].field").value("quantity"));
		verifyNoInteractions(this.ledger);
	}

	@Test
	void restockBeyondTheMostAVariantMayHoldIsRefused() throws Exception {
		given(this.products.findBySlug("tee"))
			.willReturn(Optional.of(aProduct("tee").withVariant("LT-1-RED-4T", Size.T4, "red", 99_999).build()));
		given(this.ledger.restock("tee", "LT-1-RED-4T", 2)).willReturn(Optional.empty());

		this.mvc.perform(json(post(RESTOCK), "{\"quantity\": 2}").with(role("ADMIN")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("quantity"));
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private static RequestPostProcessor role(String role) {
		return jwt().authorities(new SimpleGrantedAuthority("ROLE_" + role));
	}

}
