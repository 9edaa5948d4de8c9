/**
 * Request ids: every request carries one, every response returns it and every log line
 * written while handling the request names it.
 */
package com.littlethreads.platform.web;
