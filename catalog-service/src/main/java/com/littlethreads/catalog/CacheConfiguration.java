package com.littlethreads.catalog;

import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;

/**
 * Read caches for product pages and listings (Caffeine, configured in application.yml).
 * Listings are full scans on the embedded store and several queries on MongoDB; the cache
 * is what keeps list latency low under load. Every catalog write clears it.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CacheConfiguration {

}
