package com.littlethreads.gateway.accesslog;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AccessLogPropertiesTests {

	@Test
	void linesAreWrittenAndFlushedEverySecondUnlessSaidOtherwise() {
		AccessLogProperties properties = bind(Map.of());

		assertThat(properties.enabled()).isTrue();
		assertThat(properties.flushInterval()).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void zeroWritesEachLineAsItComes() {
		assertThat(bind(Map.of("littlethreads.access-log.flush-interval", "0")).flushInterval()).isZero();
	}

	@Test
	void aNegativeIntervalStopsTheStartWithTheSettingsName() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("littlethreads.access-log.flush-interval", "-1s")))
			.havingRootCause()
			.withMessage("littlethreads.access-log.flush-interval must not be negative");
	}

	private static AccessLogProperties bind(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("littlethreads.access-log",
				AccessLogProperties.class);
	}

}
