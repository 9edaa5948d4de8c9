package com.littlethreads.platform.input;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.context.TestPropertySource;

import com.littlethreads.platform.core.problem.ProblemType;
import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.platform.testapp.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformTest
@TestPropertySource(properties = { "littlethreads.limits.max-body-size=4KB",
		"littlethreads.limits.paths[0].pattern=/probe/raw", "littlethreads.limits.paths[0].max-body-size=16KB" })
class BodyLimitTests extends ServiceHttpTest {

	@Test
	void bodyUnderTheLimitIsRead() {
		Response response = this.http.send("POST", "/probe/orders", order(3000), "Content-Type", "application/json");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	@Test
	void contentLengthOverTheLimitIsRefusedAtOnce() {
		Response response = this.http.send("POST", "/probe/orders", order(5000), "Content-Type", "application/json",
				"X-Request-Id", "big-body-1");

		JsonNode problem = assertTooLarge(response);
		assertThat(problem.get("requestId").asString()).isEqualTo("big-body-1");
		assertThat(problem.get("detail").asString())
			.isEqualTo("The request body is larger than the 4 KB this service accepts.");
	}

	@Test
	void chunkedBodyThatGrowsOverTheLimitIsRefused() throws Exception {
		byte[] body = order(50_000).getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/probe/orders"))
			.header("Content-Type", "application/json")
			// No length known up front: sent chunked.
			.POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build();

		var response = send(request);

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(JsonMapper.shared().readTree(response.body()).get("type").asString())
			.isEqualTo(ProblemType.PAYLOAD_TOO_LARGE.uri().toString());
	}

	@Test
	void pathWithItsOwnLimitTakesLargerBodies() {
		String tenKilobytes = "x".repeat(10_000);

		assertThat(
				this.http.send("POST", "/probe/raw", tenKilobytes, "Content-Type", "application/octet-stream").body())
			.isEqualTo("{\"bytes\":10000}");
		assertTooLarge(this.http.send("POST", "/probe/raw", tenKilobytes.repeat(2), "Content-Type",
				"application/octet-stream"));
	}

	@Test
	void chunkedBodyOverAPathsOwnLimitIsRefusedToo() throws Exception {
		byte[] body = new byte[20_000];
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/probe/raw"))
			.header("Content-Type", "application/octet-stream")
			.POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build();

		assertThat(send(request).statusCode()).isEqualTo(413);
	}

	@Test
	void pathWithAnEncodedPercentIsABadRequestNotAFailure() {
		// Matching it against the per-path limits must not decode it twice; the security
		// firewall then refuses an encoded "%" in a path, as a problem.
		Response response = this.http.get("/probe/tags/%25s%25n%25x");

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.json().get("type").asString()).isEqualTo(ProblemType.BAD_REQUEST.uri().toString());
	}

	private static java.net.http.HttpResponse<String> send(HttpRequest request)
			throws IOException, InterruptedException {
		return HttpClient.newHttpClient().send(request, BodyHandlers.ofString());
	}

	private static String order(int size) {
		String prefix = "{\"lines\": [{\"sku\": \"A\", \"quantity\": 1}], \"giftMessage\": \"";
		return prefix + "x".repeat(size - prefix.length() - 2) + "\"}";
	}

	private static JsonNode assertTooLarge(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(413);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("type").asString()).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE.uri().toString());
		assertThat(problem.get("requestId").asString()).isNotBlank();
		return problem;
	}

}
