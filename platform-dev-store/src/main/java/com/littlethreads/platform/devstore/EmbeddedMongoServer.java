package com.littlethreads.platform.devstore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.h2.mvstore.MVStore;

import org.springframework.beans.factory.DisposableBean;

/**
 * An in-process MongoDB-wire server on a loopback port, storing one database in one H2
 * file. It speaks the real protocol, so the service uses the real driver and Spring Data,
 * and switching to MongoDB is a configuration change only.
 */
public class EmbeddedMongoServer implements DisposableBean {

	private static final Log log = LogFactory.getLog(EmbeddedMongoServer.class);

	/**
	 * H2's page cache, in MB of its own estimate (its default is 16). mongo-java-server
	 * has no secondary indexes, so a query on anything but {@code _id} or a unique key
	 * reads every document of the collection, and H2 keeps each page it reads, with its
	 * documents deserialised, in this cache. Reading a catalog of 10,000 products once
	 * filled 16 MB of estimate with several times that of heap, which outlived the young
	 * collections under way and was promoted: pauses of 30 to 130 ms and, every few
	 * minutes, a full collection in catalog-service (docs/benchmarks.md). At 1 MB such a
	 * scan leaves nothing behind and takes half the time; a lookup by id reads its page
	 * from the file (the operating system's cache) instead.
	 */
	static final int PAGE_CACHE_MB = 1;

	/**
	 * The share of the file that must hold live data before H2 rewrites chunks to reclaim
	 * space, in percent (its default is 90). Every update writes the document's page anew
	 * and leaves the old one as garbage in its chunk; to rewrite a chunk, H2 walks every
	 * page of the collection, reading and re-serialising the documents it still holds. At
	 * 90 % (81 % while writes go on) that ran about once a minute under checkouts and
	 * allocated hundreds of MB in a second, much of it promoted: the rest of
	 * catalog-service's collection bursts; at 50 (25 % while busy) every five minutes or
	 * so, as big. At 30 it rewrites while writes go on only once less than a tenth of the
	 * file is live, and towards 30 % once they pause: under sustained writes the file may
	 * grow to ten times the data, and shrinks back when they stop.
	 */
	static final int AUTO_COMPACT_FILL_RATE = 30;

	private final MVStore store;

	private final MongoServer server;

	private final ConnectionString connectionString;

	private final Path file;

	EmbeddedMongoServer(Path dataDirectory, String database) {
		this.file = dataDirectory.resolve(database + ".mv").toAbsolutePath();
		try {
			Files.createDirectories(this.file.getParent());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the data directory " + this.file.getParent(), ex);
		}
		// The 5.x driver refuses the 3.6 wire version mongo-java-server reports by
		// default.
		this.store = new MVStore.Builder().fileName(this.file.toString())
			.cacheSize(PAGE_CACHE_MB)
			.autoCompactFillRate(AUTO_COMPACT_FILL_RATE)
			.open();
		this.server = new MongoServer(new IdLookupH2Backend(this.store).version(ServerVersion.MONGO_5_0));
		InetSocketAddress address = this.server.bind();
		this.connectionString = new ConnectionString(
				"mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database);
		log.warn("Using the EMBEDDED DEVELOPMENT STORE for database '" + database + "' (" + this.file
				+ "). It is for local runs and tests only: in production set spring.mongodb.uri"
				+ " and leave littlethreads.embedded-mongo.enabled off.");
	}

	public ConnectionString connectionString() {
		return this.connectionString;
	}

	public Path file() {
		return this.file;
	}

	MVStore store() {
		return this.store;
	}

	@Override
	public void destroy() {
		this.server.shutdownNow();
	}

}
