/**
 * catalog-service as payment-service sees it: authoritative prices, and stock
 * reservations through its internal inventory API with a service token from user-service.
 */
package com.littlethreads.payment.catalog;
