/**
 * Serves the prebuilt storefront (static-site's output) at {@code /} when
 * {@code littlethreads.site.dir} names it, next to the API routes and never in their way.
 */
package com.littlethreads.gateway.site;
