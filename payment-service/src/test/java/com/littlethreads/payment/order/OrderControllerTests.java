package com.littlethreads.payment.order;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.stripe.StripeClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import com.littlethreads.payment.PaymentConfiguration;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(value = OrderController.class, properties = "payment.client-secret=test")
@Import(PaymentConfiguration.class)
class OrderControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	OrderRepository orders;

	@MockitoBean
	PaymentOutcomes outcomes;

	@MockitoBean
	StripeClient stripe;

	@Test
	void ownerSeesTheOrderButNotItsInternals() throws Exception {
		given(this.orders.findById("ord_1")).willReturn(Optional.of(order("user-1", OrderStatus.PAID)));

		this.mvc.perform(get("/api/orders/ord_1").with(jwt().jwt((token) -> token.subject("user-1"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PAID"))
			.andExpect(jsonPath("$.total.amount").value(1200))
			.andExpect(jsonPath("$.userId").doesNotExist())
			.andExpect(jsonPath("$.orderTokenHash").doesNotExist());
	}

	@Test
	void someoneElseGetsNotFoundNotForbidden() throws Exception {
		given(this.orders.findById("ord_1")).willReturn(Optional.of(order("user-1", OrderStatus.PAID)));

		this.mvc.perform(get("/api/orders/ord_1").with(jwt().jwt((token) -> token.subject("user-2"))))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://littlethreads.shop/problems/order-not-found"));
	}

	@Test
	void paidOrderCannotBeCancelledAndStripeIsNotAsked() throws Exception {
		given(this.orders.findById("ord_1")).willReturn(Optional.of(order("user-1", OrderStatus.PAID)));

		this.mvc.perform(post("/api/orders/ord_1/cancel").with(jwt().jwt((token) -> token.subject("user-1"))))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.status").value(409))
			.andExpect(jsonPath("$.orderStatus").value("PAID"));
		verifyNoInteractions(this.stripe, this.outcomes);
	}

	@Test
	void listingWithoutATokenIsUnauthorized() throws Exception {
		this.mvc.perform(get("/api/orders")).andExpect(status().isUnauthorized());
		verifyNoInteractions(this.orders);
	}

	private static Order order(String userId, OrderStatus status) {
		Money price = new Money(1200, "GBP");
		Order placed = Order.placed("ord_1", Instant.parse("2026-11-26T10:00:00Z"), userId, null, "a@example.com",
				List.of(new OrderLine("LT-1", "Tee", "4T", "red", 1, price, price)),
				new ShippingAddress("A", "1 Road", null, "Town", "AB1 2CD", "GB"),
				Instant.parse("2026-11-26T10:30:00Z"));
		return new Order(placed.id(), status, placed.createdAt(), placed.userId(), null, placed.email(), placed.lines(),
				placed.total(), placed.shippingAddress(), "cs_1", "https://pay", placed.sessionExpiresAt(), "pi_1",
				null, null, null, null, null, null, 0, 0, false, false, null, List.of(), List.of(), 0);
	}

}
