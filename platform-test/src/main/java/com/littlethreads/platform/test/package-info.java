/**
 * Test support every service's tests share (the platform-test module, a test-scope
 * dependency): real signed tokens with a loopback JWKS, a plain HTTP client, and the
 * hostile-input suite that sends every operation of a service's OpenAPI document a fixed
 * corpus of bad input.
 */
package com.littlethreads.platform.test;
