package com.littlethreads.catalog.search;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text filter's pattern: every character matched literally, and none a regex engine
 * or BSON could trip over.
 */
class SearchCriteriaTests {

	@Test
	void everyCharacterUpToLatinExtendedIsMatchedLiterallyAndOnlyByItself() {
		for (char c = 0; c < 0x250; c++) {
			String text = "a" + c + "b";
			Pattern pattern = Pattern.compile(SearchCriteria.escapeRegex(text), Pattern.CASE_INSENSITIVE);

			assertThat(pattern.matcher(text).matches()).as("U+%04X", (int) c).isTrue();
			if (c != 'x' && c != 'X') {
				assertThat(pattern.matcher("axb").matches()).as("U+%04X", (int) c).isFalse();
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "\u0000", "a\u0001b", "\t", "\n", "\u001f", "\u007f", "\u0085", "\u009f" })
	void controlCharactersAreWrittenAsHexEscapesNeverRaw(String text) {
		String escaped = SearchCriteria.escapeRegex(text);

		assertThat(escaped.chars().filter((c) -> c < 0x20 || (c >= 0x7f && c <= 0x9f))).isEmpty();
		assertThat(escaped).contains("\\x");
		assertThat(Pattern.compile(escaped).matcher(text).matches()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\\E.*", "\\Q(\\E", "(?i)", "a{1,}", "[^a]", "$", "x|y", "\\" })
	void metacharacterSequencesMatchOnlyThemselves(String text) {
		Pattern pattern = Pattern.compile(SearchCriteria.escapeRegex(text));

		assertThat(pattern.matcher(text).matches()).isTrue();
		assertThat(pattern.matcher("anything else").find()).isFalse();
	}

}
