package com.littlethreads.gateway.accesslog;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * The access log: one line per request on the {@value AccessLogConfig#LOGGER} logger.
 *
 * @param enabled whether the lines are written at all
 * @param flushInterval how late a line may reach standard output: lines are written in
 * batches at least this often ({@link AccessLogBatching}); zero writes each line as it
 * comes
 */
@ConfigurationProperties("littlethreads.access-log")
record AccessLogProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration flushInterval) {

	AccessLogProperties {
		Assert.isTrue(!flushInterval.isNegative(), "littlethreads.access-log.flush-interval must not be negative");
	}

}
