package com.littlethreads.platform.input;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An ISO 3166-1 alpha-2 country code in upper case, as the JDK knows them: one rule for
 * the addresses a shopper saves (user-service) and those a guest ships to
 * (payment-service), so a guest cannot ship to a country a signed-in shopper could not
 * save. {@code null} is valid (combine with {@code @NotNull}).
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CountryCode.Validator.class)
public @interface CountryCode {

	String message() default "must be an ISO 3166-1 alpha-2 country code in upper case, such as GB or FR";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * Checks {@link CountryCode}.
	 */
	class Validator implements ConstraintValidator<CountryCode, String> {

		private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || COUNTRIES.contains(value);
		}

	}

}
