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

import org.springframework.beans.factory.DisposableBean;

/**
 * An in-process MongoDB-wire server on a loopback port, storing one database in one H2
 * file. It speaks the real protocol, so the service uses the real driver and Spring Data,
 * and switching to MongoDB is a configuration change only.
 */
public class EmbeddedMongoServer implements DisposableBean {

	private static final Log log = LogFactory.getLog(EmbeddedMongoServer.class);

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
		this.server = new MongoServer(new IdLookupH2Backend(this.file.toString()).version(ServerVersion.MONGO_5_0));
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

	@Override
	public void destroy() {
		this.server.shutdownNow();
	}

}
