/**
 * What the servlet services (through the platform module) and the WebFlux gateway share.
 * Nothing here depends on a web stack: the filters that apply these rules live with each
 * stack.
 */
package com.littlethreads.platform.core;
