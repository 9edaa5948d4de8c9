package com.littlethreads.user.auth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Sign-ins by outcome (succeeded, failed: wrong email or password, throttled: refused
 * before the password was checked) and accounts registered. A rise in failed or throttled
 * sign-ins is someone guessing passwords.
 */
@Component
class SignInMeters {

	private final Counter succeeded;

	private final Counter failed;

	private final Counter throttled;

	private final Counter registered;

	SignInMeters(MeterRegistry registry) {
		this.succeeded = signIns(registry, "succeeded");
		this.failed = signIns(registry, "failed");
		this.throttled = signIns(registry, "throttled");
		this.registered = Counter.builder("shop.registrations")
			.description("Customer accounts created")
			.register(registry);
	}

	private static Counter signIns(MeterRegistry registry, String outcome) {
		return Counter.builder("shop.sign.ins")
			.description("Sign-ins with email and password, by outcome")
			.tag("outcome", outcome)
			.register(registry);
	}

	void succeeded() {
		this.succeeded.increment();
	}

	void failed() {
		this.failed.increment();
	}

	void throttled() {
		this.throttled.increment();
	}

	void registered() {
		this.registered.increment();
	}

}
