/**
 * The single public edge of Little Threads: Spring Cloud Gateway routes (declared in
 * {@code application.yml}) that proxy each public API prefix to the service that owns it,
 * and nothing else. Paths with no route, such as a service's {@code /internal/**} or
 * {@code /actuator/**}, are never forwarded.
 */
package com.littlethreads.gateway;
