package com.littlethreads.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;

import com.littlethreads.gateway.ratelimit.RateLimitProperties.Limit;

/**
 * Buckets in Redis, shared by every gateway instance (Bucket4j's compare-and-swap over
 * Lettuce).
 * <p>
 * When Redis cannot be reached, requests are let through (fail open) and a warning is
 * logged: the limits protect the shop from abuse, and losing them for the length of a
 * Redis outage is better than refusing every shopper. The sign-in throttle that guards
 * passwords lives in user-service and does not depend on Redis. The connection is made on
 * first use, in the background, and tried again at most every few seconds, so the gateway
 * starts and serves while Redis is down.
 */
class RedisBucketStore implements BucketStore, DisposableBean {

	private static final Log logger = LogFactory.getLog(RedisBucketStore.class);

	private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(500);

	private static final long RECONNECT_INTERVAL_NANOS = Duration.ofSeconds(5).toNanos();

	private static final long WARNING_INTERVAL_NANOS = Duration.ofSeconds(30).toNanos();

	private static final String KEY_PREFIX = "littlethreads:rate-limit:";

	private final RedisClient client;

	private final RedisURI uri;

	private final AtomicReference<CompletableFuture<AsyncProxyManager<String>>> buckets = new AtomicReference<>();

	private final AtomicLong lastAttempt = new AtomicLong();

	private final AtomicLong lastWarning = new AtomicLong();

	RedisBucketStore(String redisUrl) {
		this.uri = RedisURI.create(redisUrl);
		this.uri.setTimeout(COMMAND_TIMEOUT);
		this.client = RedisClient.create();
		// Commands fail at once while the connection is down, instead of queueing until
		// it is back and holding the request meanwhile.
		this.client.setOptions(ClientOptions.builder()
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
			.build());
	}

	@Override
	public Mono<ConsumptionProbe> tryConsume(String key, Limit limit) {
		CompletableFuture<AsyncProxyManager<String>> manager = connection();
		return Mono.fromFuture(manager)
			.flatMap((buckets) -> Mono.fromFuture(() -> buckets.builder()
				.build(KEY_PREFIX + key, () -> CompletableFuture.completedFuture(BucketStore.configuration(limit)))
				.tryConsumeAndReturnRemaining(1)))
			.timeout(COMMAND_TIMEOUT.multipliedBy(2))
			.onErrorResume((ex) -> {
				warnNowAndThen(ex);
				return Mono.empty();
			});
	}

	private void warnNowAndThen(Throwable ex) {
		// Once every half minute rather than once per request for the whole outage.
		long last = this.lastWarning.get();
		long now = System.nanoTime();
		if ((last == 0 || now - last > WARNING_INTERVAL_NANOS) && this.lastWarning.compareAndSet(last, now)) {
			logger.warn("Rate limits are not enforced: Redis is not reachable (" + ex + ")");
		}
	}

	private CompletableFuture<AsyncProxyManager<String>> connection() {
		CompletableFuture<AsyncProxyManager<String>> current = this.buckets.get();
		if (current != null && !current.isCompletedExceptionally()) {
			return current;
		}
		long last = this.lastAttempt.get();
		long now = System.nanoTime();
		if (current != null && now - last < RECONNECT_INTERVAL_NANOS) {
			return current;
		}
		if (!this.lastAttempt.compareAndSet(last, now)) {
			return (current != null) ? current
					: CompletableFuture.failedFuture(new IllegalStateException("connecting"));
		}
		CompletableFuture<AsyncProxyManager<String>> next = this.client
			.connectAsync(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE), this.uri)
			.toCompletableFuture()
			.thenApply(RedisBucketStore::proxyManager);
		this.buckets.set(next);
		return next;
	}

	private static AsyncProxyManager<String> proxyManager(StatefulRedisConnection<String, byte[]> connection) {
		return Bucket4jLettuce.casBasedBuilder(connection)
			// A bucket left alone until it would be full again is the same as no bucket.
			.expirationAfterWrite(
					ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
			.build()
			.asAsync();
	}

	@Override
	public void destroy() {
		this.client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
	}

}
