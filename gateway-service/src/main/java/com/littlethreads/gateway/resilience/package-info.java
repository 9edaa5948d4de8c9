/**
 * Resilience towards the services: a circuit breaker per service, so that a dead or
 * hanging service is answered fast with 503 instead of tying up callers.
 */
package com.littlethreads.gateway.resilience;
