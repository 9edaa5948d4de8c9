/**
 * Orders: the document, its state machine with guarded transitions, the shopper's orders
 * API, cancelling, and applying payment outcomes (from webhooks or reconciliation) to an
 * order and its stock reservation.
 */
package com.littlethreads.payment.order;
