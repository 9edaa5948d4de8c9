/**
 * Header work the gateway's header filters share: dropping some headers from a proxied
 * request or answer without copying every header of every message to find none.
 */
package com.littlethreads.gateway.headers;
