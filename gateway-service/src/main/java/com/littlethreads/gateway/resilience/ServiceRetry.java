package com.littlethreads.gateway.resilience;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory.BackoffConfig;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory.RetryConfig;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;

/**
 * Sends a request again, after a backoff, when the attempt before failed with one of the
 * configured exceptions (or one caused by it) or was answered with one of the configured
 * statuses or series, as Spring Cloud Gateway's {@code Retry} does with the same
 * {@link RetryConfig}.
 * <p>
 * What differs is what a request pays that needs no retry. Gateway's filter puts every
 * request, whatever its method, under a {@code retryWhen} and a {@code repeatWhen}, each
 * with its own companion publisher, and after every answer computes the backoff (with
 * {@code BigInteger} arithmetic for the jitter) before deciding not to repeat. Here a
 * request of another method goes straight on, and one of a listed method gets two small
 * operators that look at the outcome; the backoff is computed only for a retry.
 */
final class ServiceRetry implements GatewayFilter {

	private final Set<HttpMethod> methods;

	private final int retries;

	private final List<HttpStatus> statuses;

	private final Set<HttpStatus.Series> series;

	private final List<Class<? extends Throwable>> exceptions;

	private final BackoffConfig backoff;

	private final double jitter;

	private final Duration timeout;

	private final String description;

	ServiceRetry(RetryConfig config) {
		this.methods = Set.copyOf(config.getMethods());
		this.retries = config.getRetries();
		this.statuses = List.copyOf(config.getStatuses());
		this.series = config.getSeries().isEmpty() ? Set.of() : EnumSet.copyOf(config.getSeries());
		this.exceptions = List.copyOf(config.getExceptions());
		this.backoff = config.getBackoff();
		this.jitter = (config.getJitter() != null) ? config.getJitter().getRandomFactor() : 0;
		this.timeout = config.getTimeout();
		this.description = "ServiceRetry[retries = " + this.retries + ", methods = " + this.methods + ", statuses = "
				+ this.statuses + ", series = " + this.series + ", exceptions = " + this.exceptions + "]";
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		if (!this.methods.contains(exchange.getRequest().getMethod())) {
			return chain.filter(exchange);
		}
		return attempt(exchange, chain, 0, System.nanoTime());
	}

	/**
	 * One attempt, and the next one if this one may be retried. The decision (the delay
	 * before the next attempt, or nothing) is taken on this attempt's outcome alone, so
	 * that a later attempt's failure is never retried twice.
	 */
	private Mono<Void> attempt(ServerWebExchange exchange, GatewayFilterChain chain, int retried, long start) {
		Mono<Void> call = chain.filter(exchange);
		if (retried >= this.retries) {
			return call;
		}
		Mono<Duration> retry = this.statuses.isEmpty() && this.series.isEmpty() ? call.then(Mono.empty())
				: call.then(Mono.fromSupplier(() -> isRetryable(exchange.getResponse().getStatusCode())
						? delayBeforeRetry(retried + 1, start) : null));
		if (!this.exceptions.isEmpty()) {
			retry = retry.onErrorResume((ex) -> {
				Duration delay = isRetryable(ex) ? delayBeforeRetry(retried + 1, start) : null;
				return (delay != null) ? Mono.just(delay) : Mono.error(ex);
			});
		}
		return retry.flatMap((delay) -> {
			// The first attempt's answer headers go; the load balancer picks again.
			ServerWebExchangeUtils.reset(exchange);
			Mono<Void> next = Mono.defer(() -> attempt(exchange, chain, retried + 1, start));
			return delay.isZero() ? next : Mono.delay(delay).then(next);
		});
	}

	boolean isRetryable(HttpStatusCode status) {
		if (status == null) {
			return false;
		}
		for (HttpStatus retryable : this.statuses) {
			if (retryable.value() == status.value()) {
				return true;
			}
		}
		HttpStatus.Series of = HttpStatus.Series.resolve(status.value());
		return of != null && this.series.contains(of);
	}

	boolean isRetryable(Throwable ex) {
		for (Class<? extends Throwable> retryable : this.exceptions) {
			if (retryable.isInstance(ex) || retryable.isInstance(ex.getCause())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Before the {@code retry}th retry (from 1): the first backoff times the factor for
	 * each retry before it, at most the maximum, moved by up to the jitter's share of it
	 * either way (never past the maximum); {@code null} when the retries' time budget
	 * ({@code timeout}) would run out first.
	 */
	Duration delayBeforeRetry(int retry, long start) {
		Duration delay = Duration.ZERO;
		if (this.backoff != null) {
			double max = (this.backoff.getMaxBackoff() != null) ? this.backoff.getMaxBackoff().toMillis()
					: Long.MAX_VALUE;
			double millis = Math.min(max,
					this.backoff.getFirstBackoff().toMillis() * Math.pow(this.backoff.getFactor(), retry - 1));
			double spread = millis * this.jitter;
			if (spread > 0) {
				millis = Math.min(max, millis + ThreadLocalRandom.current().nextDouble(-spread, spread));
			}
			delay = Duration.ofMillis((long) Math.max(0, millis));
		}
		if (this.timeout != null
				&& Duration.ofNanos(System.nanoTime() - start).plus(delay).compareTo(this.timeout) >= 0) {
			return null;
		}
		return delay;
	}

	@Override
	public String toString() {
		return this.description;
	}

}
