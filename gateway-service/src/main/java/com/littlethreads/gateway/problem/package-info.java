/**
 * RFC 9457 problem responses for what the gateway answers itself: unknown paths, a
 * service that is down or too slow, and its own failures.
 */
package com.littlethreads.gateway.problem;
