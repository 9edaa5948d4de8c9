package com.littlethreads.gateway.resilience;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

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
 * request of another method goes straight on, and one of a listed method goes through one
 * subscriber that looks at each attempt's outcome ({@link Attempts}); the backoff is
 * computed only for a retry.
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
		if (this.retries <= 0 || !this.methods.contains(exchange.getRequest().getMethod())) {
			return chain.filter(exchange);
		}
		return new Retried(exchange, chain);
	}

	/**
	 * Whether an attempt that completed with this answer's status may be retried.
	 */
	private boolean retriesStatuses() {
		return !this.statuses.isEmpty() || !this.series.isEmpty();
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

	/**
	 * A request sent until an attempt's outcome may not be retried: each subscription
	 * makes its own attempts.
	 */
	private final class Retried extends Mono<Void> {

		private final ServerWebExchange exchange;

		private final GatewayFilterChain chain;

		Retried(ServerWebExchange exchange, GatewayFilterChain chain) {
			this.exchange = exchange;
			this.chain = chain;
		}

		@Override
		public void subscribe(CoreSubscriber<? super Void> actual) {
			Attempts attempts = new Attempts(actual, this.exchange, this.chain);
			actual.onSubscribe(attempts);
			attempts.attempt();
		}

	}

	/**
	 * One request's attempts: subscribes to the first, and to the next one (after its
	 * backoff) each time the one before ended in a way that may be retried, deciding on
	 * that attempt's outcome alone, so that a later attempt's failure is never retried
	 * twice. Its own subscriber for every attempt and backoff, where operators would add
	 * one each to every request ({@code then}, {@code onErrorResume}, {@code flatMap}). A
	 * cancel reaches the attempt or backoff under way, and stops any that follows.
	 */
	private final class Attempts implements CoreSubscriber<Void>, Subscription {

		private static final AtomicReferenceFieldUpdater<Attempts, Subscription> CURRENT = AtomicReferenceFieldUpdater
			.newUpdater(Attempts.class, Subscription.class, "current");

		private final CoreSubscriber<? super Void> actual;

		private final ServerWebExchange exchange;

		private final GatewayFilterChain chain;

		private final long start = System.nanoTime();

		/**
		 * The attempt or backoff under way; Reactor's cancelled marker once cancelled.
		 */
		private volatile Subscription current;

		/**
		 * Retries so far: changed only between one attempt's end and the next's start.
		 */
		private int retried;

		Attempts(CoreSubscriber<? super Void> actual, ServerWebExchange exchange, GatewayFilterChain chain) {
			this.actual = actual;
			this.exchange = exchange;
			this.chain = chain;
		}

		void attempt() {
			this.chain.filter(this.exchange).subscribe(this);
		}

		@Override
		public Context currentContext() {
			return this.actual.currentContext();
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			if (Operators.replace(CURRENT, this, subscription)) {
				subscription.request(Long.MAX_VALUE);
			}
		}

		@Override
		public void onNext(Void value) {
			// A request's chain answers by completing; it has no values.
		}

		@Override
		public void onError(Throwable ex) {
			Duration delay = (this.retried < ServiceRetry.this.retries && isRetryable(ex))
					? delayBeforeRetry(this.retried + 1, this.start) : null;
			if (delay == null) {
				this.actual.onError(ex);
			}
			else {
				retryAfter(delay);
			}
		}

		@Override
		public void onComplete() {
			Duration delay = (this.retried < ServiceRetry.this.retries && retriesStatuses()
					&& isRetryable(this.exchange.getResponse().getStatusCode()))
							? delayBeforeRetry(this.retried + 1, this.start) : null;
			if (delay == null) {
				this.actual.onComplete();
			}
			else {
				retryAfter(delay);
			}
		}

		private void retryAfter(Duration delay) {
			this.retried++;
			// The first attempt's answer headers go; the load balancer picks again.
			ServerWebExchangeUtils.reset(this.exchange);
			if (delay.isZero()) {
				attempt();
			}
			else {
				Mono.delay(delay).subscribe(new Backoff());
			}
		}

		@Override
		public void request(long n) {
			// Nothing to ask for: the answer is the completion. Each attempt is asked for
			// everything when it starts.
		}

		@Override
		public void cancel() {
			Operators.terminate(CURRENT, this);
		}

		/**
		 * The wait before the next attempt, which it starts.
		 */
		private final class Backoff implements CoreSubscriber<Long> {

			@Override
			public Context currentContext() {
				return Attempts.this.actual.currentContext();
			}

			@Override
			public void onSubscribe(Subscription subscription) {
				if (Operators.replace(CURRENT, Attempts.this, subscription)) {
					subscription.request(Long.MAX_VALUE);
				}
			}

			@Override
			public void onNext(Long tick) {
				attempt();
			}

			@Override
			public void onError(Throwable ex) {
				Attempts.this.actual.onError(ex);
			}

			@Override
			public void onComplete() {
				// The next attempt, started on the tick, ends the request.
			}

		}

	}

	@Override
	public String toString() {
		return this.description;
	}

}
