package com.littlethreads.payment.checkout;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import com.littlethreads.payment.PaymentConfiguration;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(value = CheckoutController.class, properties = "payment.client-secret=test")
@Import(PaymentConfiguration.class)
class CheckoutControllerTests {

	private static final String PROBLEMS = "https://littlethreads.shop/problems/";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Checkout checkout;

	@MockitoBean
	CheckoutAttempts attempts;

	@Test
	void missingFieldsAreListedOneEntryEach() throws Exception {
		this.mvc
			.perform(post("/api/checkout").header("Idempotency-Key", "key-12345")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"shippingAddress\": {}}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value(PROBLEMS + "validation-failed"))
			.andExpect(jsonPath("$.errors[*].field")
				.value(containsInAnyOrder("lines", "shippingAddress.name", "shippingAddress.line1",
						"shippingAddress.city", "shippingAddress.postalCode", "shippingAddress.country")));
		verifyNoInteractions(this.checkout, this.attempts);
	}

	@Test
	void bodyThatIsNotJsonIsAMalformedBody() throws Exception {
		this.mvc
			.perform(post("/api/checkout").header("Idempotency-Key", "key-12345")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{lines: nope"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "malformed-body"));
	}

	@Test
	void wrongMethodIsNotAllowed() throws Exception {
		this.mvc.perform(get("/api/checkout"))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
	}

}
