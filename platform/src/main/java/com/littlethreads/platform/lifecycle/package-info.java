/**
 * How a service stops: its readiness turns DOWN while it still answers, it keeps
 * answering for a drain delay so that whoever routes to it notices, then it takes no new
 * connection and finishes what it has in flight.
 */
package com.littlethreads.platform.lifecycle;
