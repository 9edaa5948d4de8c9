/**
 * What every service's OpenAPI document says the same way, derived from what the platform
 * and the security rules actually do: the problem schema and the error statuses of each
 * operation, concrete media types, the shopper, admin and service security schemes, the
 * rate-limit headers the gateway adds, and constraints that match the validation.
 */
package com.littlethreads.platform.openapi;
