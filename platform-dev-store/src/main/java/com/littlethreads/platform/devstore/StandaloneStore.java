package com.littlethreads.platform.devstore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded store as a process of its own, for several instances of a service on one
 * machine ({@code INSTANCES=2 ./run.sh}): an instance's in-process store would die with
 * it, taking the other instances' database along. One server per database, each on a
 * loopback port the system picks, each database in the same file as when a service holds
 * it in-process, so data carries over between one and several instances.
 * <p>
 * Started from any service's jar with this module's jars added:
 * {@code java -Dloader.main=} this class
 * {@code -Dloader.path=platform-dev-store/target/dev-store -cp service.jar
 * org.springframework.boot.loader.launch.PropertiesLauncher DATA_DIR ADDRESSES_FILE
 * DATABASE...}. Once every server listens it writes {@code ADDRESSES_FILE}, one
 * {@code database=mongodb://...} line each, and runs until it is told to stop.
 */
public final class StandaloneStore {

	private StandaloneStore() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		if (args.length < 3) {
			System.err.println("usage: StandaloneStore DATA_DIR ADDRESSES_FILE DATABASE...");
			System.exit(2);
		}
		Path dataDirectory = Path.of(args[0]);
		Path addresses = Path.of(args[1]);
		List<EmbeddedMongoServer> servers = new ArrayList<>();
		StringBuilder lines = new StringBuilder();
		for (String database : List.of(args).subList(2, args.length)) {
			EmbeddedMongoServer server = new EmbeddedMongoServer(dataDirectory, database);
			servers.add(server);
			lines.append(database).append('=').append(server.connectionString().getConnectionString()).append('\n');
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			servers.forEach(EmbeddedMongoServer::destroy);
			stopped.countDown();
		}));
		// Written whole and then moved, so that a reader never sees half of it.
		Path written = Files.writeString(addresses.resolveSibling(addresses.getFileName() + ".tmp"), lines);
		Files.move(written, addresses, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		stopped.await();
	}

}
