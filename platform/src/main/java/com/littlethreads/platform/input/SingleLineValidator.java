package com.littlethreads.platform.input;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link SingleLine}.
 */
public class SingleLineValidator implements ConstraintValidator<SingleLine, CharSequence> {

	@Override
	public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
		if (value == null) {
			return true;
		}
		for (int i = 0; i < value.length(); i++) {
			switch (value.charAt(i)) {
				case '\t', '\n', '\u000B', '\f', '\r', '\u0085', '\u2028', '\u2029' -> {
					return false;
				}
				default -> {
				}
			}
		}
		return true;
	}

}
