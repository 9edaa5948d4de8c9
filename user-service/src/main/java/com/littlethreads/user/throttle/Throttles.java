package com.littlethreads.user.throttle;

import java.time.Clock;
import java.time.Duration;

import io.github.bucket4j.distributed.proxy.ProxyManager;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Where the failure buckets come from: the one set of buckets in the service's database
 * that every instance shares.
 */
@Component
public class Throttles {

	private final ProxyManager<String> buckets;

	Throttles(MongoTemplate mongo, Clock clock) {
		this.buckets = new StoredBuckets(mongo, clock);
	}

	/**
	 * Buckets allowing {@code failures} failed attempts per {@code window} for each key.
	 * @param name what they count, which keeps their keys apart from other buckets' (for
	 * example {@code sign-in-address})
	 * @param failures the failures allowed per window
	 * @param window the window they refill over
	 * @return the buckets
	 */
	public FailureBuckets failureBuckets(String name, int failures, Duration window) {
		return new FailureBuckets(this.buckets, name, failures, window);
	}

}
