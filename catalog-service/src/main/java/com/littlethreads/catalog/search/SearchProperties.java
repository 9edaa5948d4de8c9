package com.littlethreads.catalog.search;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Listing settings.
 *
 * @param cacheSize how many listing answers to keep: each is a page of tiles (shared with
 * the in-memory catalog) and its facet counts, a few kilobytes; the least used go first
 */
@ConfigurationProperties("catalog.search")
@Validated
record SearchProperties(@DefaultValue("2000") @Min(0) int cacheSize) {

}
