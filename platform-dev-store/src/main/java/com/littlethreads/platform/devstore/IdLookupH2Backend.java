package com.littlethreads.platform.devstore;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, with one thing MongoDB's query planner always does and
 * mongo-java-server does not: a query that names one {@code _id} looks that document up
 * by its id and matches the rest of the query against it alone. mongo-java-server only
 * uses an index when the query names exactly the index's fields, so a guarded update
 * ({@code {_id: X, stock: {$gte: 2}}}) scanned the whole collection, holding the
 * collection's lock all the while. Answers are unchanged; only the work to find them is.
 */
class IdLookupH2Backend extends H2Backend {

	private static final String ID = "_id";

	IdLookupH2Backend(MVStore store) {
		super(store);
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		OPENING.set(getMvStore());
		try {
			return new IdLookupDatabase(databaseName, getMvStore(), getCursorRegistry());
		}
		finally {
			OPENING.remove();
		}
	}

	/**
	 * Whether a query value names one id, rather than holding an operator, a pattern or a
	 * list.
	 */
	static boolean isSingleId(Object value) {
		return value instanceof String || value instanceof ObjectId || value instanceof UUID || value instanceof Number;
	}

	private static final class IdLookupDatabase extends H2Database {

		private final MVStore store;

		IdLookupDatabase(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
			super(databaseName, store, cursorRegistry);
			this.store = store;
		}

		@Override
		protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
			// The maps H2Database opens for a collection (its DATABASES_PREFIX and
			// META_PREFIX).
			String fullName = getFullCollectionNamespace(collectionName);
			MVMap<Object, Document> data = storeOf(this).openMap("databases." + fullName);
			MVMap<String, Object> meta = storeOf(this).openMap("meta." + fullName);
			return new IdLookupCollection(this, collectionName, options, data, meta, this.cursorRegistry);
		}

		/**
		 * H2Database's constructor opens the existing collections before this class's
		 * fields are set; the backend hands the store over for that while it constructs.
		 */
		private static MVStore storeOf(IdLookupDatabase database) {
			return (database.store != null) ? database.store : OPENING.get();
		}

	}

	/**
	 * The store of the database being constructed, for the collections its constructor
	 * opens.
	 */
	private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

	private static final class IdLookupCollection extends H2Collection {

		IdLookupCollection(MongoDatabase database, String collectionName, CollectionOptions options,
				MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
			super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
		}

		@Override
		protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
				int batchSize, Document fieldSelector) {
			Object id = query.get(ID);
			if (query.size() < 2 || !isSingleId(id)) {
				return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
			}
			// The id alone is answered from the unique _id index; the whole query is then
			// matched against that one document.
			List<Document> candidates = new ArrayList<>(1);
			for (Document candidate : super.queryDocuments(new Document(ID, id), null, 0, 0, 0, null)) {
				candidates.add(candidate);
			}
			return matchDocumentsFromStream(candidates.stream(), query, orderBy, numberToSkip, limit, batchSize,
					fieldSelector);
		}

	}

}
