package com.littlethreads.user.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What makes a password acceptable.
 */
class PasswordPolicyTests {

	private static final String EMAIL = "ann.example@example.com";

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void aLongUnrelatedPassphraseIsAccepted() {
		assertThat(this.policy.problem("Plum-kite harbour 47 lantern", EMAIL)).isEmpty();
	}

	@Test
	void fewerThanTwelveCharactersIsTooShort() {
		assertThat(this.policy.problem("Xq7#vL9!mPz", EMAIL))
			.hasValueSatisfying((problem) -> assertThat(problem).contains("at least 12"));
		assertThat(this.policy.problem(null, EMAIL)).isPresent();
	}

	@Test
	void lengthCountsCharactersNotBytes() {
		// Twelve characters, more than twelve bytes: long enough.
		assertThat(this.policy.problem("ŝŧřøñĝ-ƥäŝŝẃ", EMAIL).orElse("")).doesNotContain("at least 12");
	}

	@Test
	void moreThanSeventyTwoBytesIsTooLongForBcrypt() {
		String password = "Plum-kite harbour 47 lantern with seven more words for the marmalade cat nap";
		assertThat(this.policy.problem(password, EMAIL)).hasValue("must be at most 72 bytes long");
		assertThat(this.policy.problem(password.substring(0, 72), EMAIL)).isEmpty();
	}

	@Test
	void commonPasswordsFromZxcvbnsListAreRefused() {
		assertThat(this.policy.problem("qwertyuiop123", EMAIL))
			.hasValueSatisfying((problem) -> assertThat(problem).contains("most common"));
	}

	@Test
	void theEmailOrItsLocalPartIsRefusedInAnyCase() {
		assertThat(this.policy.problem("Ann.Example@Example.com", EMAIL)).hasValue("must not be your email address");
		assertThat(this.policy.problem("ANN.EXAMPLE@example.com", " Ann.Example@example.com "))
			.hasValue("must not be your email address");
	}

	@Test
	void aRepeatedCharacterIsTooEasyToGuess() {
		assertThat(this.policy.problem("aaaaaaaaaaaa", EMAIL))
			.hasValueSatisfying((problem) -> assertThat(problem).contains("too easy"));
	}

	@Test
	void aPasswordBuiltFromTheEmailIsTooEasyToGuess() {
		assertThat(this.policy.problem("ann.example2024", EMAIL)).isPresent();
	}

}
