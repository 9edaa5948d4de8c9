/**
 * Stock reservations for orders (internal API, service tokens with scope
 * {@code inventory:reserve} only): all lines or none held, then committed on payment or
 * released on cancel, failure or expiry, each step a guarded single-document update so
 * stock is taken and returned exactly once however calls race.
 */
package com.littlethreads.catalog.inventory;
