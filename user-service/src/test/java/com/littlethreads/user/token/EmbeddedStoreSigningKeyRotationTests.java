package com.littlethreads.user.token;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The key ring tests on the embedded store, one server per test.
 */
class EmbeddedStoreSigningKeyRotationTests extends SigningKeyRotationContract {

	private MongoServer store;

	@Override
	protected String openStore() {
		this.store = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
		InetSocketAddress address = this.store.bind();
		return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/users";
	}

	@Override
	protected void closeStore() {
		this.store.shutdownNow();
	}

}
