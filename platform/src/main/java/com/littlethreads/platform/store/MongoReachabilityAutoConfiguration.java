package com.littlethreads.platform.store;

import com.mongodb.client.MongoClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Publishes {@code littlethreads_mongodb_reachable}: 1 while the service's MongoDB
 * answers the driver's heartbeats. The "MongoDB down" alert reads it from every service
 * (no exporter with credentials of its own is needed), and it says which service lost its
 * database.
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@ConditionalOnClass({ MongoClient.class, MeterRegistry.class })
public class MongoReachabilityAutoConfiguration {

	@Bean
	MongoReachability mongoReachability() {
		return new MongoReachability();
	}

	@Bean
	MongoClientSettingsBuilderCustomizer mongoReachabilityListener(MongoReachability reachability) {
		return (settings) -> settings.applyToClusterSettings((cluster) -> cluster.addClusterListener(reachability));
	}

	@Bean
	MeterBinder mongoReachableGauge(MongoReachability reachability) {
		return (registry) -> Gauge
			.builder("littlethreads.mongodb.reachable", reachability, MongoReachability::reachable)
			.description("1 while the last heartbeat to the service's MongoDB succeeded")
			.register(registry);
	}

}
