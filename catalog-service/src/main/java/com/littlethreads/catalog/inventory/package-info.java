/**
 * Stock: receiving it, and reservations for orders (internal API, service tokens with
 * scope {@code inventory:reserve} only): all lines or none held, then committed on
 * payment or released on cancel, failure or expiry, each step a guarded single-document
 * update so stock is taken and returned exactly once however calls race. Every hold is
 * recorded on its product together with the stock it took, and a repair job settles the
 * holds a crash between two steps left behind. Every stock move is announced, so each
 * instance's in-memory catalog updates that product's availability.
 */
package com.littlethreads.catalog.inventory;
