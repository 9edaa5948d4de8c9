/**
 * Where a service's MongoDB comes from: a real server named by
 * {@code spring.mongodb.uri}, or, only when explicitly enabled for development and tests,
 * the embedded store of the platform-dev-store module, which production jars lack. Also
 * the health and reachability checks every service's store gets.
 */
package com.littlethreads.platform.store;
