/**
 * Browser security headers on every answer that leaves the gateway, proxied or its own.
 */
package com.littlethreads.gateway.securityheaders;
