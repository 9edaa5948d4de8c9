/**
 * Size limits at the edge: request bodies over the configured size are refused here, and
 * never reach a service.
 */
package com.littlethreads.gateway.limits;
