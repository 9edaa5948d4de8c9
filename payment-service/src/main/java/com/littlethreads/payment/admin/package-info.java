/**
 * The staff side of orders (role ADMIN): every order with filters, and refunds through
 * Stripe; the order's refunds and status follow what Stripe reports of each refund
 * (pending, succeeded, failed).
 */
package com.littlethreads.payment.admin;
