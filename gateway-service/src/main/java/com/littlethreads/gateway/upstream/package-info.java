/**
 * The services behind the gateway: each one's instance list, and the load balancing that
 * spreads requests over them.
 */
package com.littlethreads.gateway.upstream;
