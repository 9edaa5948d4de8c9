package com.littlethreads.platform.core.requestid;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdsTests {

	@ParameterizedTest
	@ValueSource(strings = { "checkout-7f3a:2", "a", "A.b_c-d:e" })
	void aCallersPrintableIdIsKept(String id) {
		assertThat(RequestIds.acceptOrCreate(id)).isEqualTo(id);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "evil\" id", "line\r\nforged: yes", "tab\there", "ümlaut" })
	void anIdThatCouldForgeHeadersOrLogLinesIsReplacedByAUuid(String id) {
		String used = RequestIds.acceptOrCreate(id);
		assertThat(used).isNotEqualTo(id);
		assertThat(UUID.fromString(used)).hasToString(used);
	}

	@Test
	void anIdLongerThan128CharactersIsReplaced() {
		assertThat(RequestIds.acceptOrCreate("a".repeat(128))).isEqualTo("a".repeat(128));
		assertThat(RequestIds.acceptOrCreate("a".repeat(129))).hasSize(36);
	}

	@Test
	void noIdGetsANewOne() {
		assertThat(RequestIds.acceptOrCreate(null)).hasSize(36);
	}

	@Test
	void theIdOfARequestIsTheStringItsFilterStored() {
		assertThat(RequestIds.of(Map.of(RequestIds.ATTRIBUTE, "r-1")::get)).isEqualTo("r-1");
		assertThat(RequestIds.of(Map.of()::get)).isNull();
		assertThat(RequestIds.of(Map.of(RequestIds.ATTRIBUTE, 42)::get)).isNull();
	}

}
