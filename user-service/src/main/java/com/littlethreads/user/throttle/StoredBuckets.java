package com.littlethreads.user.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import org.bson.Document;
import org.bson.types.Binary;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Bucket4j token buckets kept in MongoDB, one document per bucket, so that every instance
 * of the service draws on the same buckets. Bucket4j has no MongoDB integration; this is
 * its documented extension point for stores with compare-and-swap: Bucket4j reads a
 * bucket's state, works out the new one, and the write succeeds only if nobody wrote in
 * between (a single-document update guarded by the version read), else Bucket4j reads and
 * tries again. So a token taken by one instance is never taken again by another, on
 * MongoDB and on the embedded store alike, with no transactions.
 * <p>
 * Each document says when its bucket will be full again; a TTL index on that time lets
 * MongoDB drop idle buckets, which lose nothing by it (the embedded store keeps them).
 */
class StoredBuckets extends AbstractCompareAndSwapBasedProxyManager<String> {

	static final String COLLECTION = "throttleBuckets";

	private final MongoTemplate mongo;

	private final Clock clock;

	StoredBuckets(MongoTemplate mongo, Clock clock) {
		super(ClientSideConfig.getDefault()
			.withClientClock(new ClockTimeMeter(clock))
			.withExpirationAfterWriteStrategy(
					ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO)));
		this.mongo = mongo;
		this.clock = clock;
		mongo.indexOps(COLLECTION)
			.createIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO).named("expiry"));
	}

	@Override
	protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
		return new VersionedWrite(key);
	}

	@Override
	protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
		throw new UnsupportedOperationException("Only synchronous buckets are kept in MongoDB");
	}

	@Override
	public void removeProxy(String key) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(key)), COLLECTION);
	}

	@Override
	protected CompletableFuture<Void> removeAsync(String key) {
		throw new UnsupportedOperationException("Only synchronous buckets are kept in MongoDB");
	}

	@Override
	public boolean isAsyncModeSupported() {
		return false;
	}

	@Override
	public boolean isExpireAfterWriteSupported() {
		return true;
	}

	/**
	 * One compare-and-swap: remembers the version it read, and writes only over that
	 * version. Bucket4j reads again through the same operation when a write loses.
	 */
	private final class VersionedWrite implements CompareAndSwapOperation {

		private final String key;

		private long version;

		VersionedWrite(String key) {
			this.key = key;
		}

		@Override
		public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
			Document stored = StoredBuckets.this.mongo.findById(this.key, Document.class, COLLECTION);
			if (stored == null) {
				this.version = 0;
				return Optional.empty();
			}
			this.version = stored.get("version", Number.class).longValue();
			return Optional.of(stored.get("state", Binary.class).getData());
		}

		@Override
		public boolean compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState,
				Optional<Long> timeoutNanos) {
			Date expiresAt = Date.from(expiry(newState));
			if (originalData == null) {
				try {
					StoredBuckets.this.mongo.insert(new Document("_id", this.key).append("state", new Binary(newData))
						.append("version", 1L)
						.append("expiresAt", expiresAt), COLLECTION);
					return true;
				}
				catch (DuplicateKeyException ex) {
					// Another instance created the bucket first; Bucket4j reads it and
					// tries again.
					return false;
				}
			}
			Query unchanged = Query.query(Criteria.where("_id").is(this.key).and("version").is(this.version));
			Update update = new Update().set("state", new Binary(newData))
				.set("expiresAt", expiresAt)
				.inc("version", 1);
			// findAndModify, not updateFirst: the embedded store runs it under its
			// collection's lock, so two writers of one version cannot both win there
			// either (a burst of 30 sign-ins let 23 through, not 20, with updateFirst).
			return StoredBuckets.this.mongo.findAndModify(unchanged, update, Document.class, COLLECTION) != null;
		}

		private Instant expiry(RemoteBucketState state) {
			long nanos = getClientSideTime();
			long ttl = getClientSideConfig().getExpirationAfterWriteStrategy()
				.map((strategy) -> strategy.calculateTimeToLiveMillis(state, nanos))
				.orElse(0L);
			return StoredBuckets.this.clock.instant().plusMillis(Math.max(ttl, 0));
		}

	}

	/**
	 * Bucket4j's time from the service's clock, so that tests move it instead of waiting.
	 */
	private record ClockTimeMeter(Clock clock) implements TimeMeter {

		@Override
		public long currentTimeNanos() {
			Instant now = this.clock.instant();
			return now.getEpochSecond() * 1_000_000_000L + now.getNano();
		}

		@Override
		public boolean isWallClockBased() {
			return true;
		}

	}

}
