/**
 * The staff side of orders (role ADMIN): every order with filters, and refunds through
 * Stripe; the order's status follows Stripe's {@code charge.refunded} events.
 */
package com.littlethreads.payment.admin;
