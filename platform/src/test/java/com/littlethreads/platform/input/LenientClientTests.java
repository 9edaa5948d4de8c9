package com.littlethreads.platform.input;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.client.RestClient;

import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.testapp.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only request bodies are strict: a service reading another service's answer with Boot's
 * {@code RestClient} still ignores fields it does not know, so a new field in an answer
 * never breaks its callers.
 */
@PlatformTest
class LenientClientTests extends ServiceHttpTest {

	@Autowired
	RestClient.Builder clients;

	@Test
	void answersWithFieldsTheClientDoesNotKnowAreRead() {
		// /probe/client answers {"address": ..., "host": ...}.
		AddressOnly answer = this.clients.baseUrl("http://127.0.0.1:" + this.port)
			.build()
			.get()
			.uri("/probe/client")
			.retrieve()
			.body(AddressOnly.class);

		assertThat(answer.address()).isEqualTo("127.0.0.1");
	}

	record AddressOnly(String address) {

	}

}
