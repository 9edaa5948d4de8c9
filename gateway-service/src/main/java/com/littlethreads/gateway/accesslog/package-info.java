/**
 * The access log: one line per request the gateway answers.
 */
package com.littlethreads.gateway.accesslog;
