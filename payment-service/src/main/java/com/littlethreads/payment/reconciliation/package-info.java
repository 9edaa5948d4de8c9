/**
 * The safety net for missed webhooks: Stripe's events are listed from the last one
 * processed and the missed ones applied; orders still awaiting payment after their
 * session ended are checked with Stripe and given their true state; paid orders whose
 * stock was not committed are committed.
 */
package com.littlethreads.payment.reconciliation;
