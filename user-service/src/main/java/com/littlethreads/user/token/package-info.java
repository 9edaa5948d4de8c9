/**
 * The keys that sign access tokens, the tokens themselves, and the JWKS that publishes
 * the public keys to every service.
 */
package com.littlethreads.user.token;
