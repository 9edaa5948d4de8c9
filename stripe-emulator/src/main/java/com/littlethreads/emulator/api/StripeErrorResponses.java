package com.littlethreads.emulator.api;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

/**
 * Writes Stripe's error body, {@code {"error":{…}}}, from servlet filters, which run
 * before any controller advice could.
 */
final class StripeErrorResponses {

	private final JsonMapper json;

	StripeErrorResponses(JsonMapper json) {
		this.json = json;
	}

	void write(HttpServletResponse response, StripeApiException exception) throws IOException {
		response.setStatus(exception.status());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getOutputStream().write(this.json.writeValueAsBytes(Map.of("error", exception.error())));
	}

}
