package com.littlethreads.platform.input;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import com.littlethreads.platform.core.problem.ProblemType;
import com.littlethreads.platform.test.RawHttp;
import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.platform.testapp.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformTest
class ParameterTextTests extends ServiceHttpTest {

	@ParameterizedTest
	@ValueSource(strings = { "%00", "%01", "%09", "%0A", "%0D", "%1F", "%7F", "%C2%85", "%E2%80%AE", "%E2%81%A6" })
	void controlCharacterInAQueryParameterIsAnInvalidParameter(String encoded) {
		Response response = this.http.get("/probe/search?q=a" + encoded + "b");

		JsonNode problem = assertInvalidParameter(response);
		assertThat(problem.get("detail").asString())
			.isEqualTo("Parameter 'q' must not contain control characters or bidirectional formatting characters.");
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("q");
	}

	@Test
	void parameterTheControllerDoesNotReadIsCheckedToo() {
		assertInvalidParameter(this.http.get("/probe/search?q=fine&utm_source=a%00b"));
	}

	@Test
	void controlCharacterInAParameterNameIsEscapedNotEchoed() {
		Response response = this.http.get("/probe/search?a%00b=1");

		JsonNode problem = assertInvalidParameter(response);
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("a\\u0000b");
	}

	@Test
	void parametersTomcatCannotDecodeAreAnInvalidParameter() {
		// java.net.http will not send %zz: the request goes over a plain socket.
		RawHttp.Response response = RawHttp.get(this.port, "/probe/search?q=%zz");

		assertThat(response.status()).as(response.text()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo(ProblemType.INVALID_PARAMETER.uri().toString());
		assertThat(response.json().get("detail").asString()).startsWith("The request parameters could not be read");
	}

	@Test
	void controlCharacterInAPathVariableIsAnInvalidParameter() {
		Response response = this.http.get("/probe/tags/a%01b");

		JsonNode problem = assertInvalidParameter(response);
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("tag");
	}

	@Test
	void ordinaryTextInAnyScriptIsAccepted() {
		Response response = this.http.get("/probe/search?q=%C3%A9t%C3%A9%20dress%20%F0%9F%91%97");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("q").asString()).isEqualTo("été dress 👗");
	}

	private static JsonNode assertInvalidParameter(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("type").asString()).isEqualTo(ProblemType.INVALID_PARAMETER.uri().toString());
		assertThat(problem.get("requestId").asString()).isNotBlank();
		return problem;
	}

}
