/**
 * The safety net for missed webhooks: orders still awaiting payment after their session
 * ended are checked with Stripe and given their true state; paid orders whose stock was
 * not committed are committed.
 */
package com.littlethreads.payment.reconciliation;
