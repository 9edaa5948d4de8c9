package com.littlethreads.user.account;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.nulabinc.zxcvbn.Pattern;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.matchers.Match;

import org.springframework.stereotype.Component;

/**
 * What a password must be: at least 12 characters, not one of the 30,000 most common
 * passwords (zxcvbn's list, l33t and reversed spellings included), not the email, and not
 * trivially guessable. bcrypt reads at most 72 bytes, so that is the upper bound.
 */
@Component
public class PasswordPolicy {

	static final int MINIMUM_LENGTH = 12;

	static final int MAXIMUM_BYTES = 72;

	private final Zxcvbn zxcvbn = new Zxcvbn();

	/**
	 * Why the password is refused, in words to show the shopper, or empty if it is fine.
	 * @param password the candidate
	 * @param email the account's email
	 * @return the reason, if any
	 */
	public Optional<String> problem(String password, String email) {
		if (password == null || password.codePointCount(0, password.length()) < MINIMUM_LENGTH) {
			return Optional.of("must be at least " + MINIMUM_LENGTH + " characters long");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAXIMUM_BYTES) {
			return Optional.of("must be at most " + MAXIMUM_BYTES + " bytes long");
		}
		String normalisedEmail = Emails.normalise(email);
		String lower = password.toLowerCase(Locale.ROOT);
		if (normalisedEmail != null && (lower.equals(normalisedEmail) || lower.equals(localPart(normalisedEmail)))) {
			return Optional.of("must not be your email address");
		}
		Strength strength = this.zxcvbn.measure(password,
				(normalisedEmail != null) ? List.of(normalisedEmail, localPart(normalisedEmail)) : List.of());
		if (isCommonPassword(strength, password)) {
			return Optional.of("is one of the most common passwords; choose another");
		}
		if (strength.getScore() < 2) {
			return Optional.of("is too easy to guess; a few unrelated words make a strong one");
		}
		return Optional.empty();
	}

	private static boolean isCommonPassword(Strength strength, String password) {
		List<Match> sequence = strength.getSequence();
		if (sequence.size() != 1) {
			return false;
		}
		Match match = sequence.get(0);
		return match.pattern == Pattern.Dictionary && "passwords".equals(match.dictionaryName)
				&& match.token.length() == password.length();
	}

	private static String localPart(String email) {
		int at = email.indexOf('@');
		return (at > 0) ? email.substring(0, at) : email;
	}

}
