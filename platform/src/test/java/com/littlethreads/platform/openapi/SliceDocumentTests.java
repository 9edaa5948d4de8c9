package com.littlethreads.platform.openapi;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.littlethreads.platform.testapp.ContractProbeController;
import com.littlethreads.platform.testapp.PlatformTestApplication;

import static com.littlethreads.platform.test.SliceDocument.outsideTheDocument;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A {@code @WebMvcTest} slice checks each exchange against the document of its
 * controllers, so a slice test fails where an answer and the document disagree.
 */
@WebMvcTest(ContractProbeController.class)
@ContextConfiguration(classes = PlatformTestApplication.class)
@TestPropertySource(properties = "springdoc.api-docs.enabled=true")
class SliceDocumentTests {

	@Autowired
	MockMvc mvc;

	@Test
	void anAnswerThatMatchesItsDocumentPasses() throws Exception {
		this.mvc.perform(get("/probe/contract/agreed")).andExpect(status().isOk());
	}

	@Test
	void aStatusTheDocumentDoesNotListFailsTheTest() {
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(() -> this.mvc.perform(get("/probe/contract/other-status")))
			.withMessageContaining("GET /probe/contract/other-status answered 202");
	}

	@Test
	void aFieldOfTheWrongTypeFailsTheTest() {
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(() -> this.mvc.perform(get("/probe/contract/drifted")))
			.withMessageContaining("/size");
	}

	@Test
	void aRequestMarkedOutsideTheDocumentIsLeftUnchecked() throws Exception {
		this.mvc.perform(get("/probe/contract/other-status").with(outsideTheDocument("a test of the marker")))
			.andExpect(status().isAccepted());
	}

}
