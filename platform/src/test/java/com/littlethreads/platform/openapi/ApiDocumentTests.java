package com.littlethreads.platform.openapi;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import org.springframework.test.context.TestPropertySource;

import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.testapp.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The HTTP client every service test uses checks each exchange against the service's own
 * document, so a test fails where an answer and the document disagree.
 */
@PlatformTest
@TestPropertySource(properties = "springdoc.api-docs.enabled=true")
class ApiDocumentTests extends ServiceHttpTest {

	@Test
	void anAnswerThatMatchesItsDocumentPasses() {
		assertThat(this.http.get("/probe/contract/agreed").status()).isEqualTo(200);
	}

	@Test
	void aFieldOfTheWrongTypeFailsTheTest() {
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(() -> this.http.get("/probe/contract/drifted"))
			.withMessageContaining("GET /probe/contract/drifted answered 200")
			.withMessageContaining("/size");
	}

	@Test
	void aStatusTheDocumentDoesNotListFailsTheTest() {
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(() -> this.http.get("/probe/contract/other-status"))
			.withMessageContaining("202");
	}

	@Test
	void aFieldTheDocumentDoesNotHaveFailsTheTest() {
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(() -> this.http.get("/probe/contract/extra-field"))
			.withMessageContaining("secret");
	}

	@Test
	void aRefusalThatIsADocumentedProblemPasses() {
		// A path variable of the wrong type: 400, documented with the problem schema.
		assertThat(this.http.get("/probe/items/not-a-number").status()).isEqualTo(400);
	}

	@Test
	void theDocumentsAndActuatorAreLeftOutOfTheDocumentOnPurpose() {
		assertThat(this.http.get("/v3/api-docs/swagger-config").status()).isEqualTo(200);
		assertThat(this.http.get("/actuator/health").status()).isEqualTo(200);
	}

}
