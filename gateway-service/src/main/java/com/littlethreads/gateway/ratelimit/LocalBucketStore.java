package com.littlethreads.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

import com.littlethreads.gateway.ratelimit.RateLimitProperties.Limit;

/**
 * Buckets in this instance's memory. Full buckets are dropped from time to time: a new
 * bucket starts full, so dropping one changes nothing for its client, and memory stays
 * bounded by the clients active within a period.
 */
class LocalBucketStore implements BucketStore {

	private static final long SWEEP_INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();

	private final ConcurrentMap<String, Entry> buckets = new ConcurrentHashMap<>();

	private final AtomicLong lastSweep = new AtomicLong(System.nanoTime());

	@Override
	public Mono<ConsumptionProbe> tryConsume(String key, Limit limit) {
		sweepIfDue();
		Entry entry = this.buckets.computeIfAbsent(key,
				(ignored) -> new Entry(Bucket.builder().addLimit(BucketStore.bandwidth(limit)).build(), limit));
		return Mono.just(entry.bucket().tryConsumeAndReturnRemaining(1));
	}

	int size() {
		return this.buckets.size();
	}

	void sweep() {
		this.buckets.values().removeIf((entry) -> entry.bucket().getAvailableTokens() >= entry.limit().capacity());
	}

	private void sweepIfDue() {
		long last = this.lastSweep.get();
		long now = System.nanoTime();
		if (now - last > SWEEP_INTERVAL_NANOS && this.lastSweep.compareAndSet(last, now)) {
			sweep();
		}
	}

	private record Entry(Bucket bucket, Limit limit) {

	}

}
