package com.littlethreads.platform.openapi;

import java.lang.annotation.Annotation;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import org.springdoc.core.customizers.PropertyCustomizer;

/**
 * Bean Validation that springdoc leaves out: {@code @NotBlank} and {@code @NotEmpty}
 * refuse the empty string, so the schema's {@code minLength} is at least 1 (springdoc
 * writes {@code @Size}'s default minimum, 0, even beside {@code @NotBlank}).
 */
class ValidationConstraints implements PropertyCustomizer {

	@Override
	public Schema customize(Schema property, AnnotatedType type) {
		if (type.getCtxAnnotations() == null || !isString(property)) {
			return property;
		}
		for (Annotation annotation : type.getCtxAnnotations()) {
			if (annotation instanceof NotBlank || annotation instanceof NotEmpty) {
				if (property.getMinLength() == null || property.getMinLength() < 1) {
					property.setMinLength(1);
				}
			}
		}
		return property;
	}

	private static boolean isString(Schema<?> schema) {
		return "string".equals(schema.getType()) || (schema.getTypes() != null && schema.getTypes().contains("string"));
	}

}
