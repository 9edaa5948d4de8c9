/**
 * The client address of a request: the TCP peer, or, when the peer is a trusted proxy
 * (the gateway), the address that proxy forwarded in {@code X-Forwarded-For}. The same
 * rule and the same setting as the gateway's, so a caller that is not a trusted proxy
 * cannot choose its own address.
 */
package com.littlethreads.platform.proxy;
