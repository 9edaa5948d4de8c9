package com.littlethreads.platform.openapi;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.Map;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

/**
 * {@code minLength: 1} for the string fields of request and response records that the
 * services refuse when blank ({@code @NotBlank}, {@code @NotEmpty}), and on the items of
 * a list declared {@code List<@NotBlank String>}: swagger-core reads bean validation from
 * fields and getters, not from record components, and without this a generated client
 * would let a blank e-mail or care line through to a 400.
 * <p>
 * Only the lower bound: a string of spaces passes {@code minLength: 1} but is still
 * refused by {@code @NotBlank}, which no schema keyword says.
 */
class NonBlankFields implements ModelConverter {

	@Override
	public Schema<?> resolve(io.swagger.v3.core.converter.AnnotatedType type, ModelConverterContext context,
			Iterator<ModelConverter> chain) {
		if (!chain.hasNext()) {
			return null;
		}
		Schema<?> resolved = chain.next().resolve(type, context, chain);
		Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
		if (resolved == null || !raw.isRecord()) {
			return resolved;
		}
		Schema<?> model = resolved;
		if (resolved.get$ref() != null) {
			String name = resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1);
			model = context.getDefinedModels().get(name);
		}
		if (model == null || model.getProperties() == null) {
			return resolved;
		}
		Map<String, Schema> properties = model.getProperties();
		for (RecordComponent component : raw.getRecordComponents()) {
			Schema<?> property = properties.get(component.getName());
			if (property == null) {
				continue;
			}
			if ((nonBlank(component.getAnnotatedType()) || nonBlank(component.getAccessor())) && isString(property)) {
				property.setMinLength(Math.max(1, (property.getMinLength() != null) ? property.getMinLength() : 0));
			}
			if (component.getAnnotatedType() instanceof AnnotatedParameterizedType list
					&& list.getAnnotatedActualTypeArguments().length == 1
					&& nonBlank(list.getAnnotatedActualTypeArguments()[0]) && property.getItems() != null
					&& isString(property.getItems())) {
				property.getItems().setMinLength(1);
			}
		}
		return resolved;
	}

	/**
	 * On the component's type (a type-use annotation) or its accessor (where a
	 * declaration annotation on a record component lands).
	 */
	private static boolean nonBlank(AnnotatedElement element) {
		return element.isAnnotationPresent(NotBlank.class) || element.isAnnotationPresent(NotEmpty.class);
	}

	private static boolean isString(Schema<?> schema) {
		return "string".equals(schema.getType()) || schema.getTypes() != null && schema.getTypes().contains("string");
	}

}
