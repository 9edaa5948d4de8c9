package com.littlethreads.gateway.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

import com.littlethreads.gateway.ratelimit.RateLimitProperties.Limit;

/**
 * Where the token buckets live: this instance's memory or Redis.
 */
interface BucketStore {

	/**
	 * Takes one token from the bucket under the key, creating it full if it is new.
	 * @param key the bucket's key (which limit, and whose)
	 * @param limit the bucket's size and refill
	 * @return the outcome, with the tokens left or the wait until the next one
	 */
	Mono<ConsumptionProbe> tryConsume(String key, Limit limit);

	static BucketConfiguration configuration(Limit limit) {
		return BucketConfiguration.builder().addLimit(bandwidth(limit)).build();
	}

	static Bandwidth bandwidth(Limit limit) {
		// Greedy refill: tokens come back a little at a time, so a client that waits a
		// moment may send again, rather than all at once at the end of the period.
		return Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()).build();
	}

}
