/**
 * catalog-service: owns the {@code catalog} database and serves {@code /api/catalog}.
 */
package com.littlethreads.catalog;
