/**
 * The keys that sign access tokens, the tokens themselves, and the JWKS that publishes
 * the public keys to every service. The keys form a ring shared by every user-service
 * instance through the database: a key joins it, is published, signs once active, and
 * stays published after it is replaced until its tokens have expired.
 */
package com.littlethreads.user.token;
