package com.littlethreads.catalog.image;

import java.time.Duration;

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
import com.littlethreads.platform.problem.Problems;

/**
 * Serves the drawn product images. A drawing never changes for a given address, so it is
 * cached for a day by browsers and CDNs.
 */
@RestController
@Tag(name = "Images")
class ProductImageController {

	private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

	@GetMapping("/api/catalog/images/{category}/{colour}.svg")
	@Operation(summary = "A drawing of a kind of garment in a colour (SVG)")
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
		if (!colour.matches("[a-z]+(-[a-z]+)*") || colour.length() > 30) {
			throw Problems.invalidField("colour", "must be lower-case words joined by hyphens");
		}
		return ResponseEntity.ok()
			.contentType(SVG)
			.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
			.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
			.body(GarmentDrawing.svg(kind, colour));
	}

}
