package com.littlethreads.platform.devstore;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded development store.
 *
 * @param enabled start the in-process store; off unless explicitly switched on (the run
 * command and the tests do, the docker profile never does)
 * @param dataDirectory where each service keeps its one H2 file, named after its database
 */
@ConfigurationProperties("littlethreads.embedded-mongo")
public record EmbeddedMongoProperties(@DefaultValue("false") boolean enabled,
		@DefaultValue("data") Path dataDirectory) {

}
