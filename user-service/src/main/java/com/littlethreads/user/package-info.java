/**
 * user-service: owns the {@code users} database and serves {@code /api/users},
 * {@code /api/auth} and the JWKS.
 */
package com.littlethreads.user;
