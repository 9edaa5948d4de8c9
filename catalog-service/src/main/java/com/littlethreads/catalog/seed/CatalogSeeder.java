package com.littlethreads.catalog.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import com.littlethreads.catalog.CatalogProperties;
import com.littlethreads.catalog.product.ProductRepository;

/**
 * Loads the sample catalog when, and only when, the products collection is empty, so a
 * restart never duplicates or overwrites anything. Two instances starting together both
 * try; the unique slug index lets exactly one copy of each product in.
 */
@Component
class CatalogSeeder implements ApplicationRunner {

	static final String LOCATION = "seed/products.json";

	private static final Log log = LogFactory.getLog(CatalogSeeder.class);

	private final ProductRepository products;

	private final CatalogProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	CatalogSeeder(ProductRepository products, CatalogProperties properties, JsonMapper json, Clock clock) {
		this.products = products;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.properties.seed()) {
			return;
		}
		long existing = this.products.count();
		if (existing > 0) {
			log.info("The catalog holds " + existing + " products; not loading the sample catalog");
			return;
		}
		List<SeedProduct> seed = read();
		Instant now = this.clock.instant();
		int inserted = 0;
		for (int i = 0; i < seed.size(); i++) {
			// The file lists the newest products first.
			try {
				this.products.insert(seed.get(i).toProduct(now.minus(Duration.ofHours(i))));
				inserted++;
			}
			catch (DuplicateKeyException ex) {
				log.debug("Product " + seed.get(i).slug() + " was seeded by another instance");
			}
		}
		log.info("Loaded " + inserted + " products of the sample catalog");
	}

	List<SeedProduct> read() {
		try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
			return this.json.readValue(in, new TypeReference<List<SeedProduct>>() {
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the sample catalog " + LOCATION, ex);
		}
	}

}
