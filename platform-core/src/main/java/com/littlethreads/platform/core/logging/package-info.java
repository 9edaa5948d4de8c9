/**
 * How log lines are written: the structured (JSON) format the container images select.
 */
package com.littlethreads.platform.core.logging;
