/**
 * Checks of Prometheus', Alertmanager's, Tempo's and Grafana's files, and
 * {@link com.littlethreads.observability.ObservedMetrics}: the metric names they read.
 */
package com.littlethreads.observability;
