package com.littlethreads.catalog.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import com.littlethreads.catalog.CatalogConfiguration;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ProductImageController.class)
@Import(CatalogConfiguration.class)
class ProductImageControllerTests {

	private static final String VALIDATION_FAILED = "https://littlethreads.shop/problems/validation-failed";

	@Autowired
	MockMvc mvc;

	@Test
	void drawingIsAnSvgInTheColoursPaint() throws Exception {
		this.mvc.perform(get("/api/catalog/images/tops/navy.svg"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("image/svg+xml"))
			.andExpect(content().string(allOf(startsWith("<svg"), containsString("width=\"480\""),
					containsString("height=\"480\""), containsString("#27385f"))));
	}

	@Test
	void drawingIsPubliclyCacheableForADay() throws Exception {
		this.mvc.perform(get("/api/catalog/images/tops/navy.svg"))
			.andExpect(status().isOk())
			.andExpect(
					header().string("Cache-Control", allOf(containsString("public"), containsString("max-age=86400"))));
	}

	@Test
	void unknownCategoryIsABadRequest() throws Exception {
		this.mvc.perform(get("/api/catalog/images/hats/navy.svg"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value(VALIDATION_FAILED))
			.andExpect(jsonPath("$.errors[0].field").value("category"));
	}

	@Test
	void invalidColourIsABadRequest() throws Exception {
		this.mvc.perform(get("/api/catalog/images/tops/NAVY1.svg"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value(VALIDATION_FAILED))
			.andExpect(jsonPath("$.errors[0].field").value("colour"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "tops", "bottoms", "dresses", "outerwear", "sleepwear", "swimwear", "accessories" })
	void everyCategoryIsDrawn(String category) throws Exception {
		this.mvc.perform(get("/api/catalog/images/{category}/dusty-pink.svg", category))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("image/svg+xml"))
			.andExpect(content().string(allOf(startsWith("<svg"), containsString("#d8a7a7"), containsString("<path"))));
	}

}
