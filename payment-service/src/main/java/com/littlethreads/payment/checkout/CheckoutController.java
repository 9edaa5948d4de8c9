package com.littlethreads.payment.checkout;

import java.net.URI;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.littlethreads.payment.IdempotencyKeys;
import com.littlethreads.payment.PaymentProblems;
import com.littlethreads.platform.problem.Problems;

/**
 * Checkout for guests and signed-in shoppers. A bearer token is optional here; a token
 * that is sent must be valid (else 401).
 */
@RestController
@Tag(name = "Checkout")
class CheckoutController {

	private final Checkout checkout;

	private final CheckoutAttempts attempts;

	private final JsonMapper json;

	CheckoutController(Checkout checkout, CheckoutAttempts attempts, JsonMapper json) {
		this.checkout = checkout;
		this.attempts = attempts;
		this.json = json;
	}

	@PostMapping("/api/checkout")
	@Operation(summary = "Place an order and get Stripe's payment page", description = """
			Prices come from the catalog, never from the request. The order is stored awaiting payment, its stock \
			is held until shortly after the payment session ends, then a Stripe Checkout Session is opened. \
			The same Idempotency-Key with the same body answers the first request's result again (also for a \
			final 4xx); with another body 409 idempotency-key-reused; while the first is still running 409 \
			request-in-progress (retry after a second). Keys are the caller's own: a signed-in shopper's per \
			account, a guest's per client address; the same key from another caller is another checkout. A \
			repeated SKU is refused (one line per SKU).""")
	@ApiResponse(responseCode = "201", description = "Placed: pay at checkoutUrl")
	@ApiResponse(responseCode = "400",
			description = "validation-failed, with one entry per field; invalid-parameter for a missing or "
					+ "malformed Idempotency-Key")
	@ApiResponse(responseCode = "409",
			description = "insufficient-stock (lines named), idempotency-key-reused, " + "request-in-progress")
	@ApiResponse(responseCode = "422", description = "unknown-sku (lines named), unknown-address")
	@ApiResponse(responseCode = "502", description = "payment-provider-error")
	@ApiResponse(responseCode = "503", description = "catalog-, inventory-, account- or payment-provider-unavailable")
	@Parameter(name = IdempotencyKeys.HEADER, in = ParameterIn.HEADER, required = true,
			description = "8 to 255 visible ASCII characters (no spaces), new for each checkout",
			schema = @Schema(type = "string", minLength = 8, maxLength = 255, pattern = "^[!-~]{8,255}$"))
	ResponseEntity<CheckoutResponse> checkout(@AuthenticationPrincipal Jwt user,
			@Valid @RequestBody CheckoutRequest request, HttpServletRequest http) {
		String idempotencyKey = IdempotencyKeys.require(http, "checkout");
		CheckoutAttempts.Key key = (user != null) ? CheckoutAttempts.Key.user(user.getSubject(), idempotencyKey)
				: CheckoutAttempts.Key.guest(http.getRemoteAddr(), idempotencyKey);
		String bodyHash = CheckoutAttempts.sha256(this.json.writeValueAsString(request));
		Optional<CheckoutAttempt> earlier = this.attempts.claim(key, bodyHash);
		if (earlier.isPresent()) {
			return replay(key, earlier.get(), bodyHash);
		}
		Checkout.Placed placed;
		try {
			placed = this.checkout.place(request, user);
		}
		catch (ErrorResponseException ex) {
			if (ex.getStatusCode().is4xxClientError()) {
				this.attempts.failed(key, ex.getBody());
			}
			else {
				this.attempts.forget(key);
			}
			throw ex;
		}
		catch (RuntimeException ex) {
			this.attempts.forget(key);
			throw ex;
		}
		this.attempts.succeeded(key, placed);
		return created(placed);
	}

	private ResponseEntity<CheckoutResponse> replay(CheckoutAttempts.Key key, CheckoutAttempt attempt,
			String bodyHash) {
		if (!attempt.bodyHash().equals(bodyHash)) {
			throw PaymentProblems.idempotencyKeyReused();
		}
		return switch (attempt.state()) {
			case IN_PROGRESS -> throw PaymentProblems.requestInProgress();
			case FAILED -> throw Problems.exception(this.attempts.replayProblem(attempt));
			case SUCCEEDED -> created(this.attempts.replay(key, attempt));
		};
	}

	private static ResponseEntity<CheckoutResponse> created(Checkout.Placed placed) {
		return ResponseEntity.created(URI.create("/api/orders/" + placed.orderId()))
			.body(new CheckoutResponse(placed.orderId(), placed.checkoutUrl(), placed.orderToken()));
	}

}
