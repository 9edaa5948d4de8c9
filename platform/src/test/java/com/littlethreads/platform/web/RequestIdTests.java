package com.littlethreads.platform.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.platform.testapp.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformTest
@ExtendWith(OutputCaptureExtension.class)
class RequestIdTests extends ServiceHttpTest {

	@Test
	void callersRequestIdIsReturned() {
		Response response = this.http.get("/probe/items/1", "X-Request-Id", "checkout-7f3a");

		assertThat(response.header("X-Request-Id")).isEqualTo("checkout-7f3a");
	}

	@Test
	void requestIdIsCreatedWhenMissing() {
		Response first = this.http.get("/probe/items/1");
		Response second = this.http.get("/probe/items/1");

		assertThat(first.header("X-Request-Id")).matches("[0-9a-f\\-]{36}");
		assertThat(second.header("X-Request-Id")).isNotEqualTo(first.header("X-Request-Id"));
	}

	@Test
	void unsafeRequestIdIsReplaced() {
		Response response = this.http.get("/probe/items/1", "X-Request-Id", "a\"b c<script>");

		assertThat(response.header("X-Request-Id")).matches("[0-9a-f\\-]{36}");
	}

	@Test
	void requestIdIsInEveryLogLineOfTheRequest(CapturedOutput output) {
		this.http.get("/probe/log", "X-Request-Id", "log-line-id-1");

		assertThat(output.getOut().lines().filter((line) -> line.contains("handling the probe log request")))
			.singleElement()
			.asString()
			.contains("[log-line-id-1]");
	}

	@Test
	void requestIdIsInTheLogOfAnUnexpectedError(CapturedOutput output) {
		this.http.get("/probe/boom", "X-Request-Id", "boom-id-1");

		assertThat(output.getOut().lines().filter((line) -> line.contains("Unexpected error while handling")))
			.singleElement()
			.asString()
			.contains("[boom-id-1]");
	}

}
