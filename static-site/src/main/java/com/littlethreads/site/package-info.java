/**
 * The storefront's build-time generator: reads the catalog (a running catalog API, or the
 * seed catalog-service loads) and renders every page, fingerprinted asset, the sitemap
 * and the static host's proxy rules into one directory any static host can serve as-is.
 */
package com.littlethreads.site;
