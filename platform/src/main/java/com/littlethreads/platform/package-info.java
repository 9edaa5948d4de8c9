/**
 * What every Little Threads service shares, as auto-configuration: problem+json errors,
 * request ids, resource-server security defaults, actuator defaults and where the
 * service's MongoDB is. A service adds this module and stays small. What the WebFlux
 * gateway shares with it is in platform-core; the embedded development store is
 * platform-dev-store, which only tests and {@code ./run.sh} add.
 */
package com.littlethreads.platform;
