package com.littlethreads.catalog.product;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How each instance's in-memory catalog keeps up with the store.
 *
 * @param pollInterval how often the change feed is read for changes made through other
 * instances: at most this, plus reading the changed products, passes before they show
 * there (changes made through this instance show at once)
 * @param resyncInterval how often every product's revision is compared with the one held,
 * to catch a change whose announcement was lost (an instance that died between storing a
 * change and announcing it); only products found behind are read again
 */
@ConfigurationProperties("catalog.read-model")
record ReadModelProperties(@DefaultValue("200ms") Duration pollInterval, @DefaultValue("10m") Duration resyncInterval) {

}
