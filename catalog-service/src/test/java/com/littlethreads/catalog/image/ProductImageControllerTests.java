package com.littlethreads.catalog.image;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import com.littlethreads.catalog.CatalogConfiguration;
import com.littlethreads.catalog.product.Category;
import com.littlethreads.catalog.product.Image;

import static org.hamcrest.Matchers.allOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
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
	void aProductsDrawingIsCachedForAYearAndNeverRevalidated() throws Exception {
		String url = Image.drawn(Category.TOPS, "navy", "Striped tee").url();

		assertThat(url).isEqualTo("/api/catalog/images/tops/navy." + Image.DRAWINGS_VERSION + ".svg");
		this.mvc.perform(get(url))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("#27385f")))
			.andExpect(header().string("Cache-Control",
					allOf(containsString("public"), containsString("max-age=31536000"), containsString("immutable"))));
	}

	@Test
	void aDrawingWithoutTheCurrentVersionIsCachedForADayOnly() throws Exception {
		String older = "0123456789".equals(Image.DRAWINGS_VERSION) ? "9876543210" : "0123456789";
		for (String url : new String[] { "/api/catalog/images/tops/navy.svg",
				"/api/catalog/images/tops/navy." + older + ".svg" }) {
			this.mvc.perform(get(url))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("#27385f")))
				.andExpect(header().string("Cache-Control", allOf(containsString("public"),
						containsString("max-age=86400"), not(containsString("immutable")))));
		}
	}

	/**
	 * The version a drawing's URL carries must change whenever any drawing does, or
	 * browsers would keep an old drawing for a year under the new one's URL.
	 */
	@Test
	void theDrawingsVersionIsTheHashOfEveryDrawing() throws Exception {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		TreeSet<String> colours = new TreeSet<>(Palette.names());
		colours.add("a-colour-the-palette-lacks");
		for (Category category : Category.values()) {
			for (String colour : colours) {
				digest.update(GarmentDrawing.svg(category, colour).getBytes(StandardCharsets.UTF_8));
			}
		}
		String hash = HexFormat.of().formatHex(digest.digest()).substring(0, 10);

		assertThat(Image.DRAWINGS_VERSION)
			.as("The drawings changed: write %s into catalog-service/src/main/resources/images/drawings.version", hash)
			.isEqualTo(hash);
	}

	@Test
	void aVersionThatIsNotTenHexDigitsIsABadRequest() throws Exception {
		this.mvc.perform(get("/api/catalog/images/tops/navy.v2.svg"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("colour"));
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
