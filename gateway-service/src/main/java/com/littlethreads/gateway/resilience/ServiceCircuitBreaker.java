package com.littlethreads.gateway.resilience;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoOperator;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.web.server.ServerWebExchange;

/**
 * Sends a request on only while its service's Resilience4j breaker permits it, and tells
 * the breaker how the call went: completed (whatever the service answered), failed (the
 * breaker's configuration decides whether that failure counts), or cancelled (the
 * permission is given back). A request the breaker refuses is answered with
 * {@link CircuitOpenException}, without reaching the service.
 * <p>
 * The same Resilience4j state machine as Spring Cloud CircuitBreaker's, without what that
 * wrapper costs every request: a registry lookup and a tag map, Resilience4j's own
 * operator (a {@code BaseSubscriber} with two atomic flags) and two error-resuming
 * operators. Here the call is one subscriber that records the outcome once.
 */
final class ServiceCircuitBreaker implements GatewayFilter {

	private final CircuitBreaker breaker;

	private final Counter refusals;

	private final long retryAfterSeconds;

	ServiceCircuitBreaker(CircuitBreaker breaker, Counter refusals, long retryAfterSeconds) {
		this.breaker = breaker;
		this.refusals = refusals;
		this.retryAfterSeconds = retryAfterSeconds;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		return new GuardedCall(chain.filter(exchange));
	}

	@Override
	public String toString() {
		return "ServiceCircuitBreaker[" + this.breaker.getName() + "]";
	}

	/**
	 * The call, asking the breaker for permission when it is subscribed to.
	 */
	private final class GuardedCall extends MonoOperator<Void, Void> {

		GuardedCall(Mono<Void> call) {
			super(call);
		}

		@Override
		public void subscribe(CoreSubscriber<? super Void> actual) {
			if (!ServiceCircuitBreaker.this.breaker.tryAcquirePermission()) {
				ServiceCircuitBreaker.this.refusals.increment();
				Operators.error(actual, new CircuitOpenException(ServiceCircuitBreaker.this.retryAfterSeconds));
				return;
			}
			this.source.subscribe(new Outcome(actual, ServiceCircuitBreaker.this.breaker));
		}

	}

	/**
	 * Passes every signal on, and reports the first terminal one (or a cancel) to the
	 * breaker, once.
	 */
	static final class Outcome implements CoreSubscriber<Void>, Subscription {

		private static final AtomicIntegerFieldUpdater<Outcome> REPORTED = AtomicIntegerFieldUpdater
			.newUpdater(Outcome.class, "reported");

		private final CoreSubscriber<? super Void> actual;

		private final CircuitBreaker breaker;

		private final long start;

		private Subscription upstream;

		private volatile int reported;

		Outcome(CoreSubscriber<? super Void> actual, CircuitBreaker breaker) {
			this.actual = actual;
			this.breaker = breaker;
			this.start = breaker.getCurrentTimestamp();
		}

		@Override
		public Context currentContext() {
			return this.actual.currentContext();
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			if (Operators.validate(this.upstream, subscription)) {
				this.upstream = subscription;
				this.actual.onSubscribe(this);
			}
		}

		@Override
		public void onNext(Void value) {
			this.actual.onNext(value);
		}

		@Override
		public void onError(Throwable ex) {
			if (REPORTED.compareAndSet(this, 0, 1)) {
				this.breaker.onError(elapsed(), this.breaker.getTimestampUnit(), ex);
			}
			this.actual.onError(ex);
		}

		@Override
		public void onComplete() {
			if (REPORTED.compareAndSet(this, 0, 1)) {
				this.breaker.onSuccess(elapsed(), this.breaker.getTimestampUnit());
			}
			this.actual.onComplete();
		}

		@Override
		public void request(long n) {
			this.upstream.request(n);
		}

		/**
		 * A call given up before it ended (the caller went away) says nothing about the
		 * service: its permission is given back, and it is not counted either way.
		 */
		@Override
		public void cancel() {
			if (REPORTED.compareAndSet(this, 0, 1)) {
				this.breaker.releasePermission();
			}
			this.upstream.cancel();
		}

		private long elapsed() {
			return this.breaker.getCurrentTimestamp() - this.start;
		}

	}

}
