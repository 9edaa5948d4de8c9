/**
 * Test support every service's tests share (published as the platform's test jar): real
 * signed tokens with a loopback JWKS, and a plain HTTP client.
 */
package com.littlethreads.platform.test;
