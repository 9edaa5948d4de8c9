/**
 * What a service accepts from a request, the same in every service: strict JSON bodies
 * (no coercion, no duplicate keys, no unknown fields), text without control or
 * bidirectional formatting characters, single-line fields, a body size limit, and query
 * parameters without control characters. Only what a service reads from its own clients
 * is strict: answers it reads from other services and Stripe stay lenient.
 */
package com.littlethreads.platform.input;
