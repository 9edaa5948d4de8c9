package com.littlethreads.catalog;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The children's-clothing catalog: products, their sizes and colours, stock, search with
 * facets, and the admin API that edits them.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CatalogApplication {

	public static void main(String[] args) {
		SpringApplication.run(CatalogApplication.class, args);
	}

}
