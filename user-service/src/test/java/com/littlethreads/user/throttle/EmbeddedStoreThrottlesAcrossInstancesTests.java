package com.littlethreads.user.throttle;

import org.springframework.beans.factory.annotation.Autowired;

import com.littlethreads.platform.devstore.EmbeddedMongoServer;

/**
 * The shared-throttle tests on the embedded store: the second instance connects to the
 * first one's.
 */
class EmbeddedStoreThrottlesAcrossInstancesTests extends ThrottlesAcrossInstancesContract {

	@Autowired
	EmbeddedMongoServer store;

	@Override
	protected String storeUri() {
		return this.store.connectionString().getConnectionString();
	}

}
