package com.littlethreads.payment.stripe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.stripe.Stripe;
import org.junit.jupiter.api.Test;

import com.littlethreads.payment.webhook.StripeEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README tells operators which API version to create the webhook endpoint with, and
 * which events to send it; both must stay what the code reads.
 */
class StripeApiVersionDocumentedTests {

	private static final Path README = Path.of("..", "README.md");

	@Test
	void readmeNamesTheApiVersionStripeJavaReads() throws IOException {
		assertThat(Files.readString(README)).contains("created with API version `" + Stripe.API_VERSION + "`")
			.contains("api_version=" + Stripe.API_VERSION);
	}

	@Test
	void readmeSubscribesTheEndpointToEveryEventTypeApplied() throws IOException {
		String readme = Files.readString(README);
		for (String type : StripeEvents.TYPES) {
			assertThat(readme).contains("enabled_events[]=" + type + "\"");
		}
	}

}
