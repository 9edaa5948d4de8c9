package com.littlethreads.emulator.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FormParamsTests {

	@Test
	void bracketKeysBecomeNestedHashesAndArraysInIndexOrder() {
		FormParams params = params(Map.of("line_items[10][quantity]", "3", "line_items[2][quantity]", "1",
				"line_items[2][price_data][unit_amount]", "1200", "metadata[order_id]", "ord_1"));

		List<FormParams> lines = params.hashes("line_items");

		assertThat(lines).hasSize(2);
		assertThat(lines.get(0).integer("quantity")).hasValue(1L);
		assertThat(lines.get(0).hash("price_data").orElseThrow().integer("unit_amount")).hasValue(1200L);
		assertThat(lines.get(1).integer("quantity")).hasValue(3L);
		assertThat(params.metadata("metadata")).containsExactly(Map.entry("order_id", "ord_1"));
	}

	@Test
	void emptyAndIndexedArrayBracketsReadTheSame() {
		FormParams appended = FormParams.of(Map.of("expand[]", new String[] { "payment_intent", "line_items" }));
		FormParams indexed = params(Map.of("expand[0]", "payment_intent", "expand[1]", "line_items"));

		assertThat(appended.strings("expand")).containsExactly("payment_intent", "line_items");
		assertThat(indexed.strings("expand")).containsExactly("payment_intent", "line_items");
	}

	@Test
	void errorsNameTheFullParameterPath() {
		FormParams line = params(Map.of("line_items[0][quantity]", "two")).hashes("line_items").get(0);

		assertThatExceptionOfType(StripeApiException.class).isThrownBy(() -> line.integer("quantity"))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(400);
				assertThat(ex.error().message()).isEqualTo("Invalid integer: two");
				assertThat(ex.error().param()).isEqualTo("line_items[0][quantity]");
			});
		assertThatExceptionOfType(StripeApiException.class).isThrownBy(() -> line.requiredString("price_data"))
			.satisfies((ex) -> assertThat(ex.error().message())
				.isEqualTo("Missing required param: line_items[0][price_data]."));
	}

	@Test
	void valueAndHashUnderOneNameIsRefused() {
		assertThatExceptionOfType(StripeApiException.class)
			.isThrownBy(() -> params(Map.of("metadata", "x", "metadata[a]", "b")))
			.satisfies((ex) -> assertThat(ex.error().message()).isEqualTo("Invalid hash"));
	}

	@Test
	void metadataFollowsStripesLimits() {
		Map<String, String> tooMany = new LinkedHashMap<>();
		for (int i = 0; i < 51; i++) {
			tooMany.put("metadata[k" + i + "]", "v");
		}

		assertThatExceptionOfType(StripeApiException.class).isThrownBy(() -> params(tooMany).metadata("metadata"));
		assertThatExceptionOfType(StripeApiException.class)
			.isThrownBy(() -> params(Map.of("metadata[" + "k".repeat(41) + "]", "v")).metadata("metadata"));
		assertThat(params(Map.of("metadata[a]", "", "metadata[b]", "kept")).metadata("metadata"))
			.containsExactly(Map.entry("b", "kept"));
	}

	@Test
	void unknownParametersAndExpansionsAreRefused() {
		FormParams params = params(Map.of("mode", "payment", "shipping[name]", "Ada", "expand[0]", "customer"));

		assertThatExceptionOfType(StripeApiException.class).isThrownBy(() -> params.rejectUnknown(Set.of("mode")))
			.satisfies((ex) -> assertThat(ex.error().message()).isEqualTo("Received unknown parameter: expand"));
		assertThatExceptionOfType(StripeApiException.class).isThrownBy(() -> params.expand(Set.of("payment_intent")))
			.satisfies(
					(ex) -> assertThat(ex.error().message()).isEqualTo("This property cannot be expanded (customer)."));
	}

	private static FormParams params(Map<String, String> flat) {
		Map<String, String[]> parameters = new LinkedHashMap<>();
		flat.forEach((key, value) -> parameters.put(key, new String[] { value }));
		return FormParams.of(parameters);
	}

}
