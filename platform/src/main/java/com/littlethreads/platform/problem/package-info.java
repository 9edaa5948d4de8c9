/**
 * RFC 9457 problem responses: every 4xx and 5xx a service returns is
 * {@code application/problem+json} with a stable {@code type}, a {@code title}, a
 * {@code detail} and the request id.
 */
package com.littlethreads.platform.problem;
