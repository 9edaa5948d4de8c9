/**
 * Who is calling and how the request reached the gateway: the configured trusted proxies
 * ({@code littlethreads.trusted-proxies}), the one rule that turns a connection and its
 * {@code X-Forwarded-For} into the client's address, and the forwarded headers the
 * services receive. The rate limits, the security headers and the access log all ask
 * {@link com.littlethreads.gateway.forwarded.ClientOrigins}, so they never disagree.
 */
package com.littlethreads.gateway.forwarded;
