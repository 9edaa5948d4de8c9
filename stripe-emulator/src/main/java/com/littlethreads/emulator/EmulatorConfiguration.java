package com.littlethreads.emulator;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock every timestamp, expiry and signature is taken from, so tests can move
 * time instead of waiting for it.
 */
@Configuration(proxyBeanMethods = false)
class EmulatorConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
