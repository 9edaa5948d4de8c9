package com.littlethreads.user.account;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the account code relies on from the store: one account per email, version-checked
 * saves, and addresses that round-trip inside the account. Subclasses choose the store.
 */
abstract class UserPersistenceContract {

	private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

	@Autowired
	UserRepository users;

	@Test
	void secondAccountWithTheSameEmailIsADuplicateKey() {
		String email = uniqueEmail();
		this.users.insert(aUser(email));

		assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> this.users.insert(aUser(email)))
			.withMessageContaining("email");
		assertThat(this.users.findAll().stream().filter((user) -> user.getEmail().equals(email))).hasSize(1);
	}

	@Test
	void staleCopyCannotOverwriteANewerSave() {
		User stored = this.users.insert(aUser(uniqueEmail()));
		User first = this.users.findById(stored.getId()).orElseThrow();
		User second = this.users.findById(stored.getId()).orElseThrow();
		first.addAddress(anAddress("First"));
		this.users.save(first);

		second.addAddress(anAddress("Lost"));

		assertThatExceptionOfType(OptimisticLockingFailureException.class).isThrownBy(() -> this.users.save(second));
		assertThat(this.users.findById(stored.getId()).orElseThrow().getAddresses()).extracting(Address::name)
			.containsExactly("First");
	}

	@Test
	void addressesRoundTripWithTheirDefault() {
		User user = this.users.insert(aUser(uniqueEmail()));
		Address home = user.addAddress(anAddress("Home"));
		Address office = user.addAddress(new Address(null, "Office", "2 Low Road", "Floor 3", "Leeds", "LS1 4AP", "GB",
				"+441132000000", true, NOW.plusSeconds(1)));
		this.users.save(user);

		User read = this.users.findById(user.getId()).orElseThrow();

		assertThat(read.getAddresses()).containsExactly(home.asDefault(false), office);
		assertThat(read.address(office.id()).orElseThrow().isDefault()).isTrue();
	}

	@Test
	void removingTheDefaultPersistsTheNewDefault() {
		User user = this.users.insert(aUser(uniqueEmail()));
		Address home = user.addAddress(anAddress("Home"));
		Address newer = user.addAddress(
				new Address(null, "Newer", "3 Lane", null, "Hull", "HU1 1AA", "GB", null, false, NOW.plusSeconds(60)));
		user.addAddress(anAddress("Older"));
		this.users.save(user);

		User read = this.users.findById(user.getId()).orElseThrow();
		read.removeAddress(home.id());
		this.users.save(read);

		User after = this.users.findById(user.getId()).orElseThrow();
		assertThat(after.getAddresses()).hasSize(2);
		assertThat(after.getAddresses()).filteredOn(Address::isDefault)
			.extracting(Address::id)
			.containsExactly(newer.id());
	}

	@Test
	void deletingTheAccountDeletesItsAddresses() {
		User user = this.users.insert(aUser(uniqueEmail()));
		user.addAddress(anAddress("Home"));
		User saved = this.users.save(user);

		this.users.delete(saved);

		assertThat(this.users.findById(user.getId())).isEmpty();
		assertThat(this.users.existsByEmail(user.getEmail())).isFalse();
	}

	@Test
	void accountStoredBeforeAddressesExistedReadsWithNone() {
		User user = this.users.insert(aUser(uniqueEmail()));

		assertThat(this.users.findById(user.getId()).orElseThrow().getAddresses()).isEmpty();
	}

	private static User aUser(String email) {
		return new User(email, "Test Shopper", "{noop}irrelevant", NOW);
	}

	private static Address anAddress(String name) {
		return new Address(null, name, "1 High Street", null, "York", "YO1 7HH", "GB", null, false, NOW);
	}

	private static String uniqueEmail() {
		return "persisted-" + UUID.randomUUID() + "@example.com";
	}

}
