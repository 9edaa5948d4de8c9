package com.littlethreads.platform.input;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The annotated text is one line: no line break (LF, CR, VT, FF, NEL, U+2028, U+2029) and
 * no TAB. For names, e-mail addresses, address lines, SKUs: text that ends up on a label,
 * in an e-mail header, a CSV export or a log line, where a line break would start a new
 * record. {@code null} is valid. Every JSON string is already free of other control
 * characters.
 */
@Documented
@Constraint(validatedBy = SingleLineValidator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
		ElementType.TYPE_USE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface SingleLine {

	String message() default "must be a single line, without line breaks or tabs";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
