/**
 * The problem types every hop shares, with the base URI their types live under: the
 * services' problem+json and the gateway's answer with the same URIs, so a client never
 * has to care which hop answered.
 */
package com.littlethreads.platform.core.problem;
