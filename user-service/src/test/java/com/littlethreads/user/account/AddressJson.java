package com.littlethreads.user.account;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Builds address request bodies: a valid address by default, with any field changed.
 */
final class AddressJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, Object> fields = new LinkedHashMap<>();

	private AddressJson(String name) {
		this.fields.put("name", name);
		this.fields.put("line1", "1 High Street");
		this.fields.put("city", "York");
		this.fields.put("postalCode", "YO1 7HH");
		this.fields.put("country", "GB");
	}

	static AddressJson anAddress(String name) {
		return new AddressJson(name);
	}

	AddressJson with(String field, Object value) {
		this.fields.put(field, value);
		return this;
	}

	AddressJson asDefault() {
		return with("isDefault", true);
	}

	String build() {
		return JSON.writeValueAsString(this.fields);
	}

}
