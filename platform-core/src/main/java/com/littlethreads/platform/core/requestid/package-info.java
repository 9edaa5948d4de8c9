/**
 * Request ids: every request carries one, every response returns it and every log line
 * written while handling the request names it, at the gateway and in every service.
 */
package com.littlethreads.platform.core.requestid;
