/**
 * Where a service's MongoDB comes from: a real server named by
 * {@code spring.mongodb.uri}, or, only when explicitly enabled for development and tests,
 * an in-process MongoDB-wire server (mongo-java-server) keeping one H2 file per service.
 */
package com.littlethreads.platform.store;
