package com.littlethreads.catalog.product;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An enumerated value as the API spells it ({@code tops}, {@code 12-18M}), used in JSON
 * and in query parameters alike.
 */
public interface ApiValue {

	/** The API's spelling: by default the constant's name in lower case. */
	@JsonValue
	default String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The constant's name, which every enum has. */
	String name();

	/**
	 * The constant of {@code type} the API spells {@code value}, ignoring case.
	 * @param <E> the enum type
	 * @param type the enum class
	 * @param value the API spelling
	 * @return the constant
	 * @throws IllegalArgumentException if there is none, naming the accepted values
	 */
	static <E extends Enum<E> & ApiValue> E parse(Class<E> type, String value) {
		for (E constant : type.getEnumConstants()) {
			if (constant.value().equalsIgnoreCase(value.trim())) {
				return constant;
			}
		}
		throw new IllegalArgumentException("'" + value + "' is not one of " + accepted(type));
	}

	static String accepted(Class<? extends ApiValue> type) {
		StringBuilder values = new StringBuilder();
		for (ApiValue constant : type.getEnumConstants()) {
			values.append((values.isEmpty()) ? "" : ", ").append(constant.value());
		}
		return values.toString();
	}

}
