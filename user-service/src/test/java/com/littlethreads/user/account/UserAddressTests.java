package com.littlethreads.user.account;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The address rules an account keeps whatever the caller asks: at most ten, and exactly
 * one default whenever there is any.
 */
class UserAddressTests {

	private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

	@Test
	void firstAddressBecomesTheDefaultEvenIfNotAsked() {
		User user = aUser();

		Address first = user.addAddress(anAddress("First", false, 0));

		assertThat(first.isDefault()).isTrue();
		assertThat(first.id()).isNotBlank();
	}

	@Test
	void askingForDefaultMovesIt() {
		User user = aUser();
		Address first = user.addAddress(anAddress("First", false, 0));
		Address second = user.addAddress(anAddress("Second", true, 1));

		assertThat(user.address(first.id()).orElseThrow().isDefault()).isFalse();
		assertThat(user.address(second.id()).orElseThrow().isDefault()).isTrue();
		user.replaceAddress(first.id(), anAddress("First again", true, 5));
		assertThat(user.getAddresses()).filteredOn(Address::isDefault)
			.extracting(Address::id)
			.containsExactly(first.id());
	}

	@Test
	void replacingKeepsIdAndCreationTime() {
		User user = aUser();
		Address first = user.addAddress(anAddress("First", false, 0));

		Address replaced = user.replaceAddress(first.id(), anAddress("Renamed", false, 99)).orElseThrow();

		assertThat(replaced.id()).isEqualTo(first.id());
		assertThat(replaced.createdAt()).isEqualTo(first.createdAt());
		assertThat(replaced.isDefault()).isTrue();
		assertThat(user.replaceAddress("unknown", anAddress("X", false, 0))).isEmpty();
	}

	@Test
	void removingTheDefaultPromotesTheNewestRemaining() {
		User user = aUser();
		Address oldest = user.addAddress(anAddress("Oldest", false, 0));
		Address newest = user.addAddress(anAddress("Newest", false, 30));
		user.addAddress(anAddress("Middle", false, 10));

		assertThat(user.removeAddress(oldest.id())).isTrue();

		assertThat(user.getAddresses()).filteredOn(Address::isDefault)
			.extracting(Address::id)
			.containsExactly(newest.id());
		assertThat(user.removeAddress(oldest.id())).isFalse();
	}

	@Test
	void eleventhAddressIsRefused() {
		User user = aUser();
		for (int i = 0; i < User.MAX_ADDRESSES; i++) {
			user.addAddress(anAddress("Address " + i, false, i));
		}

		assertThatIllegalStateException().isThrownBy(() -> user.addAddress(anAddress("Eleventh", false, 11)));
		assertThat(user.getAddresses()).hasSize(User.MAX_ADDRESSES);
	}

	private static User aUser() {
		return new User("ann@example.com", "Ann", "{noop}x", NOW);
	}

	private static Address anAddress(String name, boolean isDefault, int secondsLater) {
		return new Address(null, name, "1 High Street", null, "York", "YO1 7HH", "GB", null, isDefault,
				NOW.plusSeconds(secondsLater));
	}

}
