package com.littlethreads.user;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes {@code @JsonIgnoreProperties(ignoreUnknown = false)} on a request type mean what
 * it says. Boot turns Jackson's {@code FAIL_ON_UNKNOWN_PROPERTIES} off for every type,
 * and the annotation alone cannot turn it back on (Jackson only reads
 * {@code ignoreUnknown =
 * true}); so a body carrying {@code roles} or {@code email} would be accepted with those
 * fields silently dropped. Types that declare the annotation explicitly get Jackson's
 * {@link UnrecognizedPropertyException} instead, which the platform answers with a 400
 * {@code malformed-body} problem naming the field; every other type keeps Boot's lenient
 * default.
 */
@Configuration(proxyBeanMethods = false)
class StrictRequestBodies {

	@Bean
	JsonMapperBuilderCustomizer rejectUnknownFieldsWhereDeclared() {
		return (builder) -> builder.addHandler(new RejectUnknownFields());
	}

	static final class RejectUnknownFields extends DeserializationProblemHandler {

		@Override
		public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
				ValueDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws JacksonException {
			Class<?> type = (beanOrClass instanceof Class<?> found) ? found
					: (beanOrClass != null) ? beanOrClass.getClass() : null;
			JsonIgnoreProperties declared = (type != null) ? type.getAnnotation(JsonIgnoreProperties.class) : null;
			if (declared != null && !declared.ignoreUnknown()) {
				throw UnrecognizedPropertyException.from(parser, beanOrClass, propertyName,
						(deserializer != null) ? deserializer.getKnownPropertyNames() : null);
			}
			return false;
		}

	}

}
