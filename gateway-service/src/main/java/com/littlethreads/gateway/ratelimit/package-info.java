/**
 * Rate limits at the edge: Bucket4j token buckets per user or client address, stricter
 * ones for sign-in, registration and checkout, in memory or shared through Redis.
 */
package com.littlethreads.gateway.ratelimit;
