package com.littlethreads.platform.store;

import com.mongodb.connection.ClusterDescription;
import com.mongodb.connection.ServerConnectionState;
import com.mongodb.event.ClusterDescriptionChangedEvent;
import com.mongodb.event.ClusterListener;

/**
 * Whether the driver can reach MongoDB, for the {@code littlethreads_mongodb_reachable}
 * gauge. A ping per scrape would block the scrape for the driver's whole server selection
 * timeout while MongoDB is down; the driver's own monitoring (a heartbeat every 10 s)
 * runs anyway and tells this listener whenever what it knows changes.
 */
class MongoReachability implements ClusterListener {

	private volatile ClusterDescription cluster;

	@Override
	public void clusterDescriptionChanged(ClusterDescriptionChangedEvent event) {
		this.cluster = event.getNewDescription();
	}

	/**
	 * 1 while the driver is connected to at least one server that answers, else 0 (also
	 * before the driver first reached one).
	 * @return 1 or 0
	 */
	double reachable() {
		ClusterDescription cluster = this.cluster;
		return (cluster != null && cluster.getServerDescriptions()
			.stream()
			.anyMatch((server) -> server.getState() == ServerConnectionState.CONNECTED && server.isOk())) ? 1 : 0;
	}

}
