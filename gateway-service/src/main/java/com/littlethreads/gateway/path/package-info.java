/**
 * The path rule at the edge: one decoded, normalised form of the request path that the
 * rate limits, the routes, the storefront and the services all see, or a 400 problem when
 * no safe form exists.
 */
package com.littlethreads.gateway.path;
