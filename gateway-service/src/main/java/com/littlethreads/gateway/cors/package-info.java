/**
 * CORS for the storefront, which a CDN serves from another origin: the gateway answers
 * preflights itself and is the only hop that writes {@code Access-Control-*} headers.
 */
package com.littlethreads.gateway.cors;
