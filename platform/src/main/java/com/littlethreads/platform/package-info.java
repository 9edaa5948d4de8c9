/**
 * What every Little Threads service shares, as auto-configuration: problem+json errors,
 * request ids, resource-server security defaults, actuator defaults and the embedded
 * development store. A service adds this module and stays small.
 */
package com.littlethreads.platform;
