package com.littlethreads.catalog.image;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.littlethreads.catalog.product.ApiValue;
import com.littlethreads.catalog.product.Category;
import com.littlethreads.catalog.product.Image;
import com.littlethreads.platform.problem.Problems;

/**
 * Serves the drawn product images. A product's image URL names the version of the
 * drawings ({@code navy.<version>.svg}, see {@link Image#drawn}); under the current
 * version the drawing is cached for a year and never revalidated, since a redrawn image
 * gets a new URL. Without a version (URLs stored before versions existed) or under an
 * older one, the answer is today's drawing, which may differ from what that URL once
 * showed, so it is cached for a day only.
 */
@RestController
@Tag(name = "Images")
class ProductImageController {

	private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

	private static final Pattern COLOUR = Pattern.compile("([a-z]+(?:-[a-z]+)*)(?:\\.([0-9a-f]{10}))?");

	static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	static final CacheControl A_DAY = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

	@GetMapping("/api/catalog/images/{category}/{colour}.svg")
	@Operation(summary = "A drawing of a kind of garment in a colour (SVG)",
			description = "`colour` may carry the drawings' version (`navy.0123456789`), as product image URLs do: "
					+ "those answers are cached for a year.")
	@ApiResponse(responseCode = "200", description = "The drawing",
			content = @Content(mediaType = "image/svg+xml", schema = @Schema(type = "string")))
	ResponseEntity<String> image(@PathVariable String category, @PathVariable String colour) {
		Category kind;
		try {
			kind = ApiValue.parse(Category.class, category);
		}
		catch (IllegalArgumentException ex) {
			throw Problems.invalidField("category", "must be one of " + ApiValue.accepted(Category.class));
		}
		Matcher name = COLOUR.matcher(colour);
		if (!name.matches() || name.group(1).length() > 30) {
			throw Problems.invalidField("colour", "must be lower-case words joined by hyphens");
		}
		boolean current = Image.DRAWINGS_VERSION.equals(name.group(2));
		return ResponseEntity.ok()
			.contentType(SVG)
			.cacheControl(current ? IMMUTABLE : A_DAY)
			.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
			.body(GarmentDrawing.svg(kind, name.group(1)));
	}

}
