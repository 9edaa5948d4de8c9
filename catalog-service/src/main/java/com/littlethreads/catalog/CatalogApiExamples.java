package com.littlethreads.catalog;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.littlethreads.platform.openapi.RequestBodyExamples;

/**
 * An example of every request body in catalog-service's document, as the shop's admin
 * sends it.
 */
@Configuration(proxyBeanMethods = false)
class CatalogApiExamples {

	@Bean
	RequestBodyExamples catalogRequestBodyExamples() {
		return new RequestBodyExamples(Map.of("POST /api/catalog/admin/products",
				"""
						{"slug": "sunny-days-romper", "name": "Sunny Days Romper",
						 "description": "A light cotton romper with poppers at the legs for quick changes.",
						 "category": "tops", "gender": "unisex", "seasons": ["spring", "summer"], "material": "100% organic cotton",
						 "care": ["Machine wash at 30°C", "Do not tumble dry"], "price": {"amount": 1600, "currency": "GBP"},
						 "images": [{"url": "https://cdn.example.com/sunny-days-romper.jpg", "alt": "A yellow romper with white buttons",
						             "width": 800, "height": 800}],
						 "status": "draft", "featured": false,
						 "variants": [{"sku": "LT-ROMPER-YELLOW-3-6M", "size": "3-6M", "colour": "yellow", "stock": 12},
						              {"sku": "LT-ROMPER-YELLOW-6-12M", "size": "6-12M", "colour": "yellow", "stock": 8}]}""",
				"PUT /api/catalog/admin/products/{slug}",
				"""
						{"version": 3, "name": "Sunny Days Romper",
						 "description": "A light cotton romper with poppers at the legs for quick changes.",
						 "category": "tops", "gender": "unisex", "seasons": ["spring", "summer"],
						 "material": "100% organic cotton", "care": ["Machine wash at 30°C"],
						 "price": {"amount": 1400, "currency": "GBP"}, "images": [], "status": "active", "featured": true}""",
				"POST /api/catalog/admin/products/{slug}/variants", """
						{"sku": "LT-ROMPER-YELLOW-12-18M", "size": "12-18M", "colour": "yellow", "stock": 6}""",
				"PUT /api/catalog/admin/products/{slug}/variants/{sku}", """
						{"version": 4, "size": "12-18M", "colour": "sunshine-yellow"}""",
				"POST /api/catalog/admin/products/{slug}/variants/{sku}/restock", """
						{"quantity": 24}"""));
	}

}
