package com.littlethreads.user.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An account as stored. Never bound from or written to HTTP directly.
 */
@Document("users")
public class User {

	/**
	 * How many shipping addresses an account may keep.
	 */
	public static final int MAX_ADDRESSES = 10;

	@Id
	private String id;

	@Indexed(name = "email", unique = true)
	private String email;

	private String displayName;

	private String passwordHash;

	private Set<Role> roles = EnumSet.of(Role.CUSTOMER);

	private boolean marketingOptIn;

	private List<Address> addresses = new ArrayList<>();

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private Long version;

	public User() {
	}

	public User(String email, String displayName, String passwordHash, Instant now) {
		this.email = email;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.createdAt = now;
		this.updatedAt = now;
	}

	public String getId() {
		return this.id;
	}

	public String getEmail() {
		return this.email;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public String getPasswordHash() {
		return this.passwordHash;
	}

	public void setPasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	public Set<Role> getRoles() {
		return this.roles;
	}

	public void setRoles(Set<Role> roles) {
		this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
	}

	public boolean isMarketingOptIn() {
		return this.marketingOptIn;
	}

	public void setMarketingOptIn(boolean marketingOptIn) {
		this.marketingOptIn = marketingOptIn;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public void setUpdatedAt(Instant updatedAt) {
		this.updatedAt = updatedAt;
	}

	public Long getVersion() {
		return this.version;
	}

	public List<Address> getAddresses() {
		return List.copyOf(this.addresses);
	}

	public Optional<Address> address(String addressId) {
		return this.addresses.stream().filter((address) -> address.id().equals(addressId)).findFirst();
	}

	/**
	 * Adds an address. The first one is the default whatever was asked; a new default
	 * replaces the old one.
	 * @param address the address, its id and creation time are assigned here
	 * @return the stored address
	 * @throws IllegalStateException if the account already has {@link #MAX_ADDRESSES}
	 */
	public Address addAddress(Address address) {
		if (this.addresses.size() >= MAX_ADDRESSES) {
			throw new IllegalStateException("An account may keep at most " + MAX_ADDRESSES + " addresses");
		}
		boolean isDefault = address.isDefault() || this.addresses.isEmpty();
		Address added = new Address(UUID.randomUUID().toString(), address.name(), address.line1(), address.line2(),
				address.city(), address.postalCode(), address.country(), address.phone(), isDefault,
				address.createdAt());
		if (isDefault) {
			clearDefault();
		}
		this.addresses.add(added);
		return added;
	}

	/**
	 * Replaces an address's fields, keeping its id and creation time. Asking for default
	 * makes it the default; the default stays the default until another address is made
	 * the default or it is deleted, so that there is always exactly one.
	 * @param addressId the address
	 * @param changed the new fields
	 * @return the stored address, or empty if the account has no such address
	 */
	public Optional<Address> replaceAddress(String addressId, Address changed) {
		for (int i = 0; i < this.addresses.size(); i++) {
			Address current = this.addresses.get(i);
			if (current.id().equals(addressId)) {
				boolean isDefault = changed.isDefault() || current.isDefault();
				if (isDefault) {
					clearDefault();
				}
				Address replaced = new Address(current.id(), changed.name(), changed.line1(), changed.line2(),
						changed.city(), changed.postalCode(), changed.country(), changed.phone(), isDefault,
						current.createdAt());
				this.addresses.set(i, replaced);
				return Optional.of(replaced);
			}
		}
		return Optional.empty();
	}

	/**
	 * Removes an address; if it was the default, the most recently added remaining one
	 * becomes the default.
	 * @param addressId the address
	 * @return whether the account had it
	 */
	public boolean removeAddress(String addressId) {
		boolean removed = this.addresses.removeIf((address) -> address.id().equals(addressId));
		ensureOneDefault();
		return removed;
	}

	private void clearDefault() {
		this.addresses.replaceAll((address) -> address.asDefault(false));
	}

	private void ensureOneDefault() {
		if (this.addresses.isEmpty() || this.addresses.stream().anyMatch(Address::isDefault)) {
			return;
		}
		Address newest = this.addresses.stream()
			.max(Comparator.comparing(Address::createdAt, Comparator.nullsFirst(Comparator.naturalOrder())))
			.orElseThrow();
		this.addresses.replaceAll((address) -> (address == newest) ? address.asDefault(true) : address);
	}

}
