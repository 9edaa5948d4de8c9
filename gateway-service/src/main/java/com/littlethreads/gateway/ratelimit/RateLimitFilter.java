package com.littlethreads.gateway.ratelimit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.littlethreads.gateway.problem.Refusal;
import com.littlethreads.gateway.ratelimit.RateLimitProperties.Limit;

/**
 * Takes a token from each bucket a request draws on, and refuses it with 429 (and
 * {@code Retry-After}) when one of them is empty. Only the API is limited; Stripe's
 * webhook is exempt, since Stripe retries what it cannot deliver and its signature, not
 * its rate, is what makes it legitimate.
 */
class RateLimitFilter implements WebFilter, Ordered {

	static final String WEBHOOK = "/api/payments/stripe/webhook";

	private final RateLimitProperties limits;

	private final BucketStore buckets;

	private final ClientKeys clients;

	private final RateLimitMeters meters;

	RateLimitFilter(RateLimitProperties limits, BucketStore buckets, ClientKeys clients, RateLimitMeters meters) {
		this.meters = meters;
		this.limits = limits;
		this.buckets = buckets;
		this.clients = clients;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		// Already normalised (the path package): an encoded variant of a path is that
		// path here. A CORS preflight never gets here: the CORS filter answers it first.
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (!isLimited(path)) {
			return chain.filter(exchange);
		}
		String bucketPath = withoutTrailingSlash(path);
		return this.clients.userOrAddress(exchange).flatMap((client) -> {
			List<Bucket> buckets = bucketsFor(exchange, bucketPath, client);
			if (buckets.size() == 1) {
				// Nearly every request: one bucket, without a Flux to go through them. A
				// store that cannot answer (Redis down) gives no outcome: not limited.
				Bucket bucket = buckets.get(0);
				return this.buckets.tryConsume(bucket.key(), bucket.limit())
					.map((probe) -> List.of(new Outcome(bucket.kind(), bucket.limit(), probe)))
					.defaultIfEmpty(List.of())
					.flatMap((outcomes) -> decide(outcomes, bucketPath, exchange, chain));
			}
			return Flux.fromIterable(buckets)
				.concatMap((bucket) -> this.buckets.tryConsume(bucket.key(), bucket.limit())
					.map((probe) -> new Outcome(bucket.kind(), bucket.limit(), probe)))
				.collectList()
				.flatMap((outcomes) -> decide(outcomes, bucketPath, exchange, chain));
		});
	}

	/**
	 * A token was taken from each bucket that had one: refused if any bucket was empty,
	 * otherwise on its way, with the general bucket's state in the answer's headers.
	 */
	private Mono<Void> decide(List<Outcome> outcomes, String path, ServerWebExchange exchange, WebFilterChain chain) {
		for (Outcome outcome : outcomes) {
			if (!outcome.probe().isConsumed()) {
				this.meters.refused(outcome.kind(), path);
				return Mono.error(new TooManyRequestsException(outcome));
			}
		}
		if (!outcomes.isEmpty()) {
			// The general bucket comes first: the one a client runs into in normal use.
			Outcome general = outcomes.get(0);
			HttpHeaders headers = exchange.getResponse().getHeaders();
			headers.set("RateLimit-Limit", Long.toString(general.limit().capacity()));
			headers.set("RateLimit-Remaining", Long.toString(general.probe().getRemainingTokens()));
			// Whole seconds until the bucket is full again, as the 429's RateLimit-Reset:
			// every answer says when the window resets (and the OpenAPI documents promise
			// it on every answer).
			headers.set("RateLimit-Reset", Long.toString(wholeSeconds(general.probe().getNanosToWaitForReset())));
		}
		return chain.filter(exchange);
	}

	/**
	 * So that /api/checkout/ draws from the checkout bucket whether or not a service
	 * would answer it.
	 */
	private static String withoutTrailingSlash(String path) {
		return (path.length() > 1 && path.endsWith("/")) ? path.substring(0, path.length() - 1) : path;
	}

	private static boolean isLimited(String path) {
		return (path.startsWith("/api/") || path.startsWith("/.well-known/")) && !path.equals(WEBHOOK);
	}

	private List<Bucket> bucketsFor(ServerWebExchange exchange, String path, String client) {
		List<Bucket> buckets = new ArrayList<>(2);
		buckets.add(new Bucket("client", "client:" + client, this.limits.client()));
		if (HttpMethod.POST.equals(exchange.getRequest().getMethod())) {
			String address = this.clients.address(exchange);
			switch (path) {
				case "/api/auth/login" ->
					buckets.add(new Bucket("sign-in", "sign-in:" + address, this.limits.signIn()));
				case "/api/auth/register" ->
					buckets.add(new Bucket("registration", "registration:" + address, this.limits.registration()));
				case "/api/checkout" ->
					buckets.add(new Bucket("checkout", "checkout:" + client, this.limits.checkout()));
				default -> {
				}
			}
		}
		return buckets;
	}

	@Override
	public int getOrder() {
		// After the request id, security headers and CORS (a preflight is never counted),
		// before the body limit, so that a refused client costs as little as possible.
		return Ordered.HIGHEST_PRECEDENCE + 15;
	}

	/**
	 * Spring's filter chain asks each web filter for its name on every request, for a
	 * checkpoint: Object's own {@code toString} would build a new string each time.
	 */
	@Override
	public String toString() {
		return "RateLimitFilter";
	}

	private record Bucket(String kind, String key, Limit limit) {

	}

	/**
	 * Rounded up.
	 */
	static long wholeSeconds(long nanos) {
		return TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L);
	}

	private record Outcome(String kind, Limit limit, ConsumptionProbe probe) {

	}

	/**
	 * A 429 that says when the next token comes ({@code Retry-After}, whole seconds,
	 * rounded up) and which limit was hit.
	 */
	static class TooManyRequestsException extends Refusal {

		TooManyRequestsException(Outcome outcome) {
			super(HttpStatus.TOO_MANY_REQUESTS, null);
			long seconds = Math.max(1, wholeSeconds(outcome.probe().getNanosToWaitForRefill()));
			HttpHeaders headers = getHeaders();
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
			headers.set("RateLimit-Limit", Long.toString(outcome.limit().capacity()));
			headers.set("RateLimit-Remaining", "0");
			headers.set("RateLimit-Reset", Long.toString(seconds));
		}

	}

}
