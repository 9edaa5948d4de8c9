package com.littlethreads.catalog.product;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * The sequence of product changes every catalog instance follows: one document holding a
 * counter and the slugs of the latest {@value #KEPT} changes, both moved by one atomic
 * update per change, so the sequence has no gaps and needs nothing the embedded store
 * lacks (no change streams, no transactions, no secondary index). A reader remembers the
 * counter it has read up to and asks for what came after; one that fell further behind
 * than the document keeps reloads everything.
 * <p>
 * An entry only says which product to read again, never what changed: readers take the
 * product as stored, so entries read twice or late do no harm.
 */
@Component
class ChangeFeed {

	static final String COLLECTION = "catalog_changes";

	/**
	 * How many changes the document keeps: at the default poll interval a reader falls
	 * behind only past about 2,500 changes a second.
	 */
	static final int KEPT = 512;

	/**
	 * The slug of an entry that says every product may have changed (products deleted, or
	 * a catalog written by something other than catalog-service).
	 */
	static final String EVERYTHING = "*";

	private static final String ID = "products";

	private final MongoOperations mongo;

	ChangeFeed(MongoOperations mongo) {
		this.mongo = mongo;
	}

	/**
	 * Announces that a product changed. Call it after the change is stored, so that a
	 * reader acting on the entry reads the change.
	 * @param slug the product, or {@link #EVERYTHING}
	 * @param by who changed it, to tell one's own entries in logs
	 */
	void append(String slug, String by) {
		append(this.mongo, slug, by);
	}

	static void append(MongoOperations mongo, String slug, String by) {
		Document entry = new Document("slug", slug).append("by", by);
		Document update = new Document("$inc", new Document("seq", 1L)).append("$push",
				new Document("changes", new Document("$each", List.of(entry)).append("$slice", -KEPT)));
		feed(mongo).updateOne(Filters.eq("_id", ID), update, new UpdateOptions().upsert(true));
	}

	/**
	 * How many changes there have been.
	 * @return the position after the latest change
	 */
	long position() {
		return sequence(feed(this.mongo).find(Filters.eq("_id", ID)).projection(Projections.include("seq")).first());
	}

	/**
	 * The changes after a position.
	 * @param position what the reader has read up to
	 * @return the changes, and the position after them
	 */
	Changes since(long position) {
		long latest = position();
		if (latest == position) {
			return new Changes(position, List.of(), false);
		}
		if (latest < position || latest - position > KEPT) {
			// The feed began again (a new store), or the reader fell too far behind.
			return new Changes(latest, List.of(), true);
		}
		// A few more than counted, for changes made between the two reads.
		int wanted = (int) Math.min(KEPT, latest - position + 64);
		while (true) {
			Document feed = feed(this.mongo).find(Filters.eq("_id", ID))
				.projection(Projections.fields(Projections.include("seq"), Projections.slice("changes", -wanted)))
				.first();
			long last = sequence(feed);
			List<Document> entries = (feed != null) ? feed.getList("changes", Document.class, List.of()) : List.of();
			long first = last - entries.size() + 1;
			if (position + 1 >= first) {
				List<Change> changes = new ArrayList<>();
				boolean everything = false;
				for (Document entry : entries.subList((int) (position + 1 - first), entries.size())) {
					changes.add(new Change(entry.getString("slug"), entry.getString("by")));
					everything |= EVERYTHING.equals(entry.getString("slug"));
				}
				return new Changes(last, changes, everything);
			}
			if (entries.size() < wanted || wanted == KEPT || last - position > KEPT) {
				return new Changes(last, List.of(), true);
			}
			wanted = (int) Math.min(KEPT, last - position + 64);
		}
	}

	private static long sequence(Document feed) {
		return (feed != null && feed.get("seq") instanceof Number seq) ? seq.longValue() : 0;
	}

	private static MongoCollection<Document> feed(MongoOperations mongo) {
		return mongo.getCollection(COLLECTION);
	}

	/**
	 * Changes read from the feed.
	 *
	 * @param position the position after them
	 * @param changes the changes, oldest first
	 * @param everything whether every product must be read again (an entry said so, or
	 * some changes are no longer kept)
	 */
	record Changes(long position, List<Change> changes, boolean everything) {

	}

	/**
	 * One change.
	 *
	 * @param slug the product, or {@link ChangeFeed#EVERYTHING}
	 * @param by the instance that made it
	 */
	record Change(String slug, String by) {

	}

}
