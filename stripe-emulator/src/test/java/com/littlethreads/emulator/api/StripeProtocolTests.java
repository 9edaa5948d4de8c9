package com.littlethreads.emulator.api;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.stripe.exception.AuthenticationException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.RefundCreateParams;
import org.junit.jupiter.api.Test;

import com.littlethreads.emulator.EmulatorIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class StripeProtocolTests extends EmulatorIntegrationTest {

	private static final String FORM = "mode=payment&success_url=https%3A%2F%2Fshop.test%2Fok"
			+ "&line_items[0][price_data][currency]=gbp&line_items[0][price_data][unit_amount]=1500"
			+ "&line_items[0][price_data][product_data][name]=Cardigan&line_items[0][quantity]=2"
			+ "&metadata[order_id]=ord_9";

	@Test
	void liveModeKeyIsAnAuthenticationErrorInStripeJava() {
		assertThatExceptionOfType(AuthenticationException.class)
			.isThrownBy(() -> stripe("sk_live_real").v1().checkout().sessions().create(aSession().build()))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(401));
	}

	@Test
	void requestWithoutApiKeyGetsStripes401Body() {
		HttpResponse<String> response = send(post("/v1/checkout/sessions", FORM).build());

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(response.body()).contains("\"type\":\"invalid_request_error\"")
			.contains("You did not provide an API key");
	}

	@Test
	void basicAuthWithTheKeyAsUserNameIsAccepted() {
		String basic = Base64.getEncoder().encodeToString("sk_test_curl:".getBytes(StandardCharsets.UTF_8));

		HttpResponse<String> response = send(
				post("/v1/checkout/sessions", FORM).header("Authorization", "Basic " + basic).build());

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void bracketNotationFormIsReadAsNestedParameters() {
		HttpResponse<String> response = send(authorized(post("/v1/checkout/sessions", FORM)).build());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Request-Id"))
			.hasValueSatisfying((id) -> assertThat(id).startsWith("req_"));
		assertThat(response.body()).contains("\"amount_total\":3000")
			.contains("\"metadata\":{\"order_id\":\"ord_9\"}")
			.contains("\"object\":\"checkout.session\"")
			.contains("\"payment_intent\":null");
	}

	@Test
	void nonIntegerAmountIsAnInvalidInteger() {
		HttpResponse<String> response = send(
				authorized(post("/v1/checkout/sessions", FORM.replace("unit_amount]=1500", "unit_amount]=15.00")))
					.build());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"message\":\"Invalid integer: 15.00\"")
			.contains("\"param\":\"line_items[0][price_data][unit_amount]\"");
	}

	@Test
	void unknownParameterIsRefusedLikeStripe() {
		HttpResponse<String> response = send(
				authorized(post("/v1/checkout/sessions", FORM + "&shipping_options[0][shipping_rate]=shr_1")).build());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("Received unknown parameter: shipping_options")
			.contains("\"param\":\"shipping_options\"");
	}

	@Test
	void validationErrorsCarryStripesCodes() {
		assertThat(send(
				authorized(post("/v1/checkout/sessions", FORM + "&shipping_options[0][shipping_rate]=shr_1")).build())
			.body()).contains("\"code\":\"parameter_unknown\"");
		assertThat(send(authorized(post("/v1/checkout/sessions", FORM.replace("mode=payment&", ""))).build()).body())
			.contains("\"code\":\"parameter_missing\"")
			.contains("\"param\":\"mode\"");
		assertThat(
				send(authorized(post("/v1/checkout/sessions", FORM.replace("unit_amount]=1500", "unit_amount]=15.00")))
					.build()).body())
			.contains("\"code\":\"parameter_invalid_integer\"");
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> stripe().v1()
				.checkout()
				.sessions()
				.create(aSession().putExtraParam("shipping_options[0][shipping_rate]", "shr_1").build()))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo("parameter_unknown");
				assertThat(ex.getParam()).isEqualTo("shipping_options");
			});
	}

	@Test
	void failureOfARequestThatRanIsSavedUnderItsKeyAndReplayed() throws Exception {
		// Stripe saves what a request that started to run answered, failures included: a
		// retry with the same key gets the failure again even when it would now succeed.
		Session session = createSession();
		submitCard(session.getId(), "4000 0000 0000 0002");
		String paymentIntent = stripe().v1().checkout().sessions().retrieve(session.getId()).getPaymentIntent();
		RequestOptions options = RequestOptions.builder().setIdempotencyKey("refund-before-paid").build();
		RefundCreateParams refund = RefundCreateParams.builder().setPaymentIntent(paymentIntent).build();
		InvalidRequestException first = catchThrowableOfType(InvalidRequestException.class,
				() -> stripe().v1().refunds().create(refund, options));
		submitCard(session.getId(), "4242 4242 4242 4242");

		InvalidRequestException replayed = catchThrowableOfType(InvalidRequestException.class,
				() -> stripe().v1().refunds().create(refund, options));

		assertThat(first.getStatusCode()).isEqualTo(400);
		assertThat(replayed.getStatusCode()).isEqualTo(400);
		assertThat(replayed.getStripeError().getMessage()).isEqualTo(first.getStripeError().getMessage());
		assertThat(replayed.getStripeError().getLastResponse().headers().firstValue("Idempotent-Replayed"))
			.hasValue("true");
		assertThat(stripe().v1().refunds().create(refund).getStatus()).isEqualTo("succeeded");
	}

	@Test
	void unknownEndpointIsUnrecognized() {
		HttpResponse<String> response = send(authorized(HttpRequest.newBuilder(uri("/v1/customers"))).GET().build());

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("Unrecognized request URL (GET: /v1/customers)");
	}

	@Test
	void sameIdempotencyKeyAndParametersReplaysTheFirstResponse() throws Exception {
		RequestOptions options = RequestOptions.builder().setIdempotencyKey("checkout-ord_1-a").build();

		Session first = stripe().v1().checkout().sessions().create(aSession().build(), options);
		Session second = stripe().v1().checkout().sessions().create(aSession().build(), options);

		assertThat(second.getId()).isEqualTo(first.getId());
		assertThat(second.getLastResponse().body()).isEqualTo(first.getLastResponse().body());
		assertThat(second.getLastResponse().headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(first.getLastResponse().headers().firstValue("Idempotent-Replayed")).isEmpty();
	}

	@Test
	void sameIdempotencyKeyWithOtherParametersIsAnIdempotencyError() throws Exception {
		RequestOptions options = RequestOptions.builder().setIdempotencyKey("checkout-ord_1-b").build();
		stripe().v1().checkout().sessions().create(aSession().build(), options);

		assertThatExceptionOfType(IdempotencyException.class)
			.isThrownBy(() -> stripe().v1()
				.checkout()
				.sessions()
				.create(aSession().setClientReferenceId("ord_2").build(), options))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(400);
				assertThat(ex.getStripeError().getType()).isEqualTo("idempotency_error");
				assertThat(ex.getMessage()).contains("same parameters");
			});
	}

	@Test
	void concurrentRequestsWithOneIdempotencyKeyCreateOneSession() throws Exception {
		RequestOptions options = RequestOptions.builder().setIdempotencyKey("checkout-ord_1-parallel").build();
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<String>> ids = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				ids.add(threads
					.submit(() -> stripe().v1().checkout().sessions().create(aSession().build(), options).getId()));
			}
			Set<String> distinct = new HashSet<>();
			for (Future<String> id : ids) {
				distinct.add(id.get(30, TimeUnit.SECONDS));
			}
			assertThat(distinct).hasSize(1);
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void idempotencyKeysAreScopedToTheApiKey() throws Exception {
		RequestOptions options = RequestOptions.builder().setIdempotencyKey("checkout-ord_1-c").build();

		Session first = stripe("sk_test_one").v1().checkout().sessions().create(aSession().build(), options);
		Session second = stripe("sk_test_two").v1().checkout().sessions().create(aSession().build(), options);

		assertThat(second.getId()).isNotEqualTo(first.getId());
	}

	@Test
	void failedRequestDoesNotUseUpItsIdempotencyKey() throws Exception {
		HttpResponse<String> failed = send(authorized(post("/v1/checkout/sessions", FORM.replace("mode=payment&", "")))
			.header("Idempotency-Key", "retry-after-fix")
			.build());
		HttpResponse<String> fixed = send(
				authorized(post("/v1/checkout/sessions", FORM)).header("Idempotency-Key", "retry-after-fix").build());

		assertThat(failed.statusCode()).isEqualTo(400);
		assertThat(fixed.statusCode()).isEqualTo(200);
		assertThat(fixed.headers().firstValue("Idempotent-Replayed")).isEmpty();
	}

	private HttpRequest.Builder post(String path, String form) {
		return HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form));
	}

	private static HttpRequest.Builder authorized(HttpRequest.Builder request) {
		return request.header("Authorization", "Bearer sk_test_raw");
	}

	private URI uri(String path) {
		return URI.create(baseUrl() + path);
	}

}
