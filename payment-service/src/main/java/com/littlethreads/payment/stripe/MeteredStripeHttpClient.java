package com.littlethreads.payment.stripe;

import java.time.Duration;

import com.stripe.exception.ApiConnectionException;
import com.stripe.net.HttpURLConnectionClient;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * stripe-java's own HTTP client, timing every call to Stripe (each retry too) by method
 * and status: {@code shop_stripe_requests_seconds}, status {@code io-error} where no
 * answer came. The path is left out: it holds object ids.
 */
class MeteredStripeHttpClient extends HttpURLConnectionClient {

	private final MeterRegistry registry;

	MeteredStripeHttpClient(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public StripeResponse request(StripeRequest request) throws ApiConnectionException {
		Timer.Sample sample = Timer.start(this.registry);
		String status = "io-error";
		try {
			StripeResponse response = super.request(request);
			status = Integer.toString(response.code());
			return response;
		}
		finally {
			sample.stop(Timer.builder("shop.stripe.requests")
				.description("Calls to Stripe's API, by method and HTTP status")
				.tag("method", request.method().name())
				.tag("status", status)
				.serviceLevelObjectives(Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
						Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10))
				.register(this.registry));
		}
	}

}
