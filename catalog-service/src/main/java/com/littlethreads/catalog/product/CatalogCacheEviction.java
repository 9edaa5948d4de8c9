package com.littlethreads.catalog.product;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Clears every read cache when anything in the catalog changes. Writes are rare and reads
 * are many, so a full clear keeps this simple and exactly right; the caches' short expiry
 * bounds staleness on other instances, which do not see this instance's events.
 */
@Component
class CatalogCacheEviction {

	private final CacheManager caches;

	CatalogCacheEviction(CacheManager caches) {
		this.caches = caches;
	}

	@EventListener({ ProductChanged.class, StockChanged.class })
	void clear() {
		for (String name : this.caches.getCacheNames()) {
			Cache cache = this.caches.getCache(name);
			if (cache != null) {
				cache.clear();
			}
		}
	}

}
