package com.littlethreads.payment.checkout;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import com.littlethreads.payment.PaymentConfiguration;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(value = CheckoutController.class, properties = "payment.client-secret=test")
@Import(PaymentConfiguration.class)
class CheckoutControllerTests {

	private static final String PROBLEMS = "https://littlethreads.shop/problems/";

	private static final String VALID = """
			{"lines": [{"sku": "LT-TEE-RED-4T", "quantity": 1}], "email": "a@example.com",
			 "shippingAddress": {"name": "A", "line1": "x", "city": "y", "postalCode": "z", "country": "GB"}}""";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Checkout checkout;

	@MockitoBean
	CheckoutAttempts attempts;

	@Test
	void guestMayCheckOutWithoutAToken() throws Exception {
		given(this.attempts.claim(any(), any())).willReturn(Optional.empty());
		given(this.checkout.place(any(), any())).willReturn(new Checkout.Placed("ord_1", "https://pay", "tok"));

		this.mvc
			.perform(post("/api/checkout").header("Idempotency-Key", "key-12345")
				.contentType(MediaType.APPLICATION_JSON)
				.content(VALID))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/orders/ord_1"))
			.andExpect(jsonPath("$.orderId").value("ord_1"))
			.andExpect(jsonPath("$.checkoutUrl").value("https://pay"))
			.andExpect(jsonPath("$.orderToken").value("tok"));
	}

	@Test
	void signedInShopperGetsNoOrderToken() throws Exception {
		given(this.attempts.claim(any(), any())).willReturn(Optional.empty());
		given(this.checkout.place(any(), any())).willReturn(new Checkout.Placed("ord_2", "https://pay", null));

		this.mvc
			.perform(post("/api/checkout").with(jwt())
				.header("Idempotency-Key", "key-12345")
				.contentType(MediaType.APPLICATION_JSON)
				.content(VALID))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.orderToken").doesNotExist());
	}

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
	void shortIdempotencyKeyIsRefused() throws Exception {
		this.mvc
			.perform(post("/api/checkout").header("Idempotency-Key", "short")
				.contentType(MediaType.APPLICATION_JSON)
				.content(VALID))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
		verify(this.checkout, never()).place(any(), any());
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
	void quantityOfTheWrongTypeNamesTheField() throws Exception {
		this.mvc
			.perform(post("/api/checkout").header("Idempotency-Key", "key-12345")
				.contentType(MediaType.APPLICATION_JSON)
				.content(VALID.replace("\"quantity\": 1", "\"quantity\": \"one\"")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("Field 'lines[0].quantity' must be a whole number."));
	}

	@Test
	void wrongMethodIsNotAllowed() throws Exception {
		this.mvc.perform(get("/api/checkout"))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
	}

}
