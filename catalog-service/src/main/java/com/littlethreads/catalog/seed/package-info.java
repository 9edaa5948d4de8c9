/**
 * The sample children's-clothing catalog, loaded into an empty database on first start.
 */
package com.littlethreads.catalog.seed;
