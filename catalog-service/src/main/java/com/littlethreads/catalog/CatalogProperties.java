package com.littlethreads.catalog;

import java.time.Duration;

import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Catalog settings.
 *
 * @param currency the ISO 4217 currency the shop sells in; every price is in it, so that
 * sorting and filtering by price compare like with like
 * @param seed whether to load the sample catalog into an empty database at startup
 * @param publicMaxAge how long browsers and CDNs may reuse product and listing responses
 * before revalidating them (with their ETag)
 */
@ConfigurationProperties("catalog")
@Validated
public record CatalogProperties(@DefaultValue("GBP") @Pattern(regexp = "[A-Z]{3}") String currency,
		@DefaultValue("true") boolean seed, @DefaultValue("60s") Duration publicMaxAge) {

}
