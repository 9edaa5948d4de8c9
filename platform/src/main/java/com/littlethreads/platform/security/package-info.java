/**
 * Resource-server security every service starts from: stateless, RS256 JWTs checked
 * against the JWKS, issuer and audience from configuration, roles from the {@code roles}
 * claim, and 401/403 answered as problem+json.
 */
package com.littlethreads.platform.security;
