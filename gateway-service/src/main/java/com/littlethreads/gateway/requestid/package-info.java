/**
 * Request ids at the edge: every request leaves the gateway, towards a service and back
 * to the caller, with a safe {@code X-Request-Id}.
 */
package com.littlethreads.gateway.requestid;
