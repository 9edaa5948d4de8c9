package com.littlethreads.payment.order;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.littlethreads.payment.PaymentProblems;
import com.littlethreads.payment.stripe.StripeErrors;

/**
 * A shopper's orders. An order is visible to its owner, to admins, and to a guest who
 * presents its order token; to anyone else it does not exist (404, never 403, so order
 * ids cannot be probed).
 */
@RestController
@RequestMapping("/api/orders")
@Tag(name = "Orders")
class OrderController {

	static final String ORDER_TOKEN = "X-Order-Token";

	private final OrderRepository orders;

	private final PaymentOutcomes outcomes;

	private final StripeClient stripe;

	OrderController(OrderRepository orders, PaymentOutcomes outcomes, StripeClient stripe) {
		this.orders = orders;
		this.outcomes = outcomes;
		this.stripe = stripe;
	}

	@GetMapping
	@Operation(summary = "My orders, newest first")
	@SecurityRequirement(name = "bearer")
	OrderPage<OrderView> mine(JwtAuthenticationToken authentication,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int pageSize) {
		Page<Order> found = this.orders.findByUserId(authentication.getToken().getSubject(),
				PageRequest.of(page, pageSize, Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("id"))));
		return new OrderPage<>(found.map(OrderView::of).getContent(), page, pageSize, found.getTotalElements());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One order",
			description = "For its owner (bearer token), an admin, or a guest sending the order token from checkout "
					+ "in X-Order-Token. Anyone else gets 404.")
	@SecurityRequirement(name = "bearer")
	OrderView get(Authentication authentication, @PathVariable String id,
			@Parameter(description = "a guest's order token") @RequestHeader(name = ORDER_TOKEN,
					required = false) String orderToken) {
		return OrderView.of(visible(id, authentication, orderToken));
	}

	@PostMapping("/{id}/cancel")
	@Operation(summary = "Cancel an order awaiting payment",
			description = "Ends its Stripe Checkout Session and returns the held stock. A paid order gives 409 "
					+ "order-not-cancellable; cancelling a cancelled order again answers it unchanged.")
	@SecurityRequirement(name = "bearer")
	OrderView cancel(Authentication authentication, @PathVariable String id,
			@RequestHeader(name = ORDER_TOKEN, required = false) String orderToken) {
		Order order = visible(id, authentication, orderToken);
		if (order.status() == OrderStatus.CANCELLED) {
			return OrderView.of(order);
		}
		if (order.status() != OrderStatus.PENDING_PAYMENT) {
			throw PaymentProblems.orderNotCancellable(id, order.status());
		}
		if (order.sessionId() != null) {
			expireSession(order);
		}
		return this.outcomes.cancelled(id, "shopper").map(OrderView::of).orElseThrow(() -> {
			Order now = this.orders.findById(id).orElseThrow();
			return PaymentProblems.orderNotCancellable(id, now.status());
		});
	}

	/**
	 * Ends the session so it cannot be paid any more. If Stripe refuses because the
	 * session is no longer open, what it says happened (paid, expired) is applied and the
	 * cancel is refused by the order's new status.
	 */
	private void expireSession(Order order) {
		try {
			this.stripe.v1()
				.checkout()
				.sessions()
				.expire(order.sessionId(), RequestOptions.builder().setIdempotencyKey("expire-" + order.id()).build());
		}
		catch (InvalidRequestException ex) {
			try {
				Session session = this.stripe.v1().checkout().sessions().retrieve(order.sessionId());
				this.outcomes.applySession(session);
			}
			catch (StripeException retrieveFailed) {
				throw StripeErrors.problem("retrieve a session", retrieveFailed);
			}
			Order now = this.orders.findById(order.id()).orElseThrow();
			if (now.status() != OrderStatus.PENDING_PAYMENT) {
				throw PaymentProblems.orderNotCancellable(order.id(), now.status());
			}
			throw StripeErrors.problem("expire a session", ex);
		}
		catch (StripeException ex) {
			throw StripeErrors.problem("expire a session", ex);
		}
	}

	private Order visible(String id, Authentication authentication, String orderToken) {
		Order order = this.orders.findById(id).orElseThrow(() -> PaymentProblems.orderNotFound(id));
		if (authentication instanceof JwtAuthenticationToken jwt) {
			boolean owner = jwt.getToken().getSubject().equals(order.userId());
			boolean admin = jwt.getAuthorities().stream().anyMatch((a) -> "ROLE_ADMIN".equals(a.getAuthority()));
			if (owner || admin) {
				return order;
			}
		}
		if (OrderTokens.matches(order, orderToken)) {
			return order;
		}
		throw PaymentProblems.orderNotFound(id);
	}

}
