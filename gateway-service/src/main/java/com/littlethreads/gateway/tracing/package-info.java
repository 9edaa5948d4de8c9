/**
 * Traces across the gateway: the service's request carries the trace context of the
 * gateway's span for it, so that its span is a child of the gateway's.
 */
package com.littlethreads.gateway.tracing;
