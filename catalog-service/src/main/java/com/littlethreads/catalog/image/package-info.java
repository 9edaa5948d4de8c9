/**
 * Light product images that work offline: an SVG drawing of each kind of garment in each
 * colour, so the seed catalog and new products look right with no image hosting.
 */
package com.littlethreads.catalog.image;
