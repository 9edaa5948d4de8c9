package com.littlethreads.catalog.product;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import com.littlethreads.platform.input.SingleLine;

/**
 * What the admin API accepts. Fields a client may not set (id, timestamps, stock of an
 * existing variant) are simply not here.
 */
final class ProductRequests {

	static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";

	static final String SKU = "[A-Z0-9]+(-[A-Z0-9]+)*";

	static final String COLOUR = "[a-z]+(-[a-z]+)*";

	private ProductRequests() {
	}

	record MoneyRequest(@NotNull @PositiveOrZero @Max(10_000_000) Long amount, @NotBlank @Pattern(regexp = "[A-Z]{3}",
			message = "must be an ISO 4217 code such as GBP") @Schema(maxLength = 3) String currency) {

		Money toMoney() {
			return new Money(this.amount, this.currency);
		}

	}

	record ImageRequest(
			@NotBlank @Size(max = 500) @Pattern(regexp = "(https://|/)[^\\s\"'<>]*",
					message = "must be an https URL or a path on this site") String url,
			@NotBlank @Size(max = 200) @SingleLine String alt, @NotNull @Min(1) @Max(4000) Integer width,
			@NotNull @Min(1) @Max(4000) Integer height) {

		Image toImage() {
			return new Image(this.url, this.alt, this.width, this.height);
		}

	}

	record VariantRequest(
			@NotBlank @Size(min = 3, max = 40) @Pattern(regexp = SKU,
					message = "must be upper-case letters and digits joined by hyphens") String sku,
			@NotNull com.littlethreads.catalog.product.Size size,
			@NotBlank @Size(max = 30) @Pattern(regexp = COLOUR,
					message = "must be lower-case words joined by hyphens") String colour,
			@NotNull @Min(0) @Max(Variant.MAXIMUM_STOCK) Integer stock) {

		Variant toVariant() {
			return new Variant(this.sku, this.size, this.colour, this.stock);
		}

	}

	record NewProductRequest(
			@NotBlank @Size(max = 80) @Pattern(regexp = SLUG,
					message = "must be lower-case letters and digits joined by hyphens") String slug,
			@NotBlank @Size(max = 120) @SingleLine String name, @NotBlank @Size(max = 4000) String description,
			@NotNull Category category, @NotNull Gender gender, @NotNull @Size(max = 4) Set<@NotNull Season> seasons,
			@NotBlank @Size(max = 200) @SingleLine String material,
			@NotNull @Size(max = 10) List<@NotBlank @Size(max = 200) @SingleLine String> care,
			@NotNull @Valid MoneyRequest price, @Size(max = 12) List<@NotNull @Valid ImageRequest> images,
			ProductStatus status, Boolean featured,
			@NotEmpty @Size(max = 100) List<@NotNull @Valid VariantRequest> variants) {

	}

	record ProductUpdateRequest(@NotNull @Min(0) Long version, @NotBlank @Size(max = 120) @SingleLine String name,
			@NotBlank @Size(max = 4000) String description, @NotNull Category category, @NotNull Gender gender,
			@NotNull @Size(max = 4) Set<@NotNull Season> seasons,
			@NotBlank @Size(max = 200) @SingleLine String material,
			@NotNull @Size(max = 10) List<@NotBlank @Size(max = 200) @SingleLine String> care,
			@NotNull @Valid MoneyRequest price, @Size(max = 12) List<@NotNull @Valid ImageRequest> images,
			@NotNull ProductStatus status, @NotNull Boolean featured) {

	}

	record VariantUpdateRequest(@NotNull @Min(0) Long version, @NotNull com.littlethreads.catalog.product.Size size,
			@NotBlank @Size(max = 30) @Pattern(regexp = COLOUR,
					message = "must be lower-case words joined by hyphens") String colour) {

	}

}
