/**
 * The per-route request timer ({@code spring.cloud.gateway.requests}) that the edge
 * dashboard and the alerts read, and the routes-count gauge beside it.
 */
package com.littlethreads.gateway.routetimer;
