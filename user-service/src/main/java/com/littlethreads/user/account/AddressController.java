package com.littlethreads.user.account;

import java.net.URI;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.littlethreads.platform.problem.Problems;

/**
 * The signed-in shopper's shipping addresses, for checkout. They live inside the account
 * document, so every change is one version-checked save of that document: two concurrent
 * changes cannot both win (the later one is a 409 concurrent-modification), and the limit
 * and the single default hold whatever the interleaving.
 */
@RestController
@RequestMapping("/api/users/me/addresses")
@Tag(name = "My addresses")
class AddressController {

	private static final String PATH = "/api/users/me/addresses";

	private final UserRepository users;

	private final Clock clock;

	AddressController(UserRepository users, Clock clock) {
		this.users = users;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "My addresses, the default first, then the newest")
	List<AddressView> list(@AuthenticationPrincipal Jwt token) {
		return SignedIn.user(this.users, token)
			.getAddresses()
			.stream()
			.sorted(Comparator.comparing(Address::isDefault)
				.reversed()
				.thenComparing(Address::createdAt, Comparator.nullsLast(Comparator.reverseOrder())))
			.map(AddressView::of)
			.toList();
	}

	@PostMapping
	@Operation(summary = "Add an address",
			description = "The first address becomes the default; isDefault (or default) true makes the new one "
					+ "the default. An account keeps at most " + User.MAX_ADDRESSES
					+ " addresses: one more is a 409 address-limit-reached problem.")
	@ApiResponse(responseCode = "201", description = "Added; Location names it")
	ResponseEntity<AddressView> add(@AuthenticationPrincipal Jwt token, @Valid @RequestBody AddressRequest request) {
		User user = SignedIn.user(this.users, token);
		if (user.getAddresses().size() >= User.MAX_ADDRESSES) {
			throw limitReached();
		}
		Address added = user.addAddress(request.toAddress(this.clock.instant()));
		save(user);
		return ResponseEntity.created(URI.create(PATH + "/" + added.id())).body(AddressView.of(added));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One of my addresses")
	AddressView get(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
		return AddressView.of(SignedIn.user(this.users, token).address(id).orElseThrow(() -> notFound(id)));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace one of my addresses",
			description = "isDefault true makes it the default; the default stays the default until another "
					+ "address is made the default or it is deleted.")
	AddressView replace(@AuthenticationPrincipal Jwt token, @PathVariable String id,
			@Valid @RequestBody AddressRequest request) {
		User user = SignedIn.user(this.users, token);
		Address replaced = user.replaceAddress(id, request.toAddress(this.clock.instant()))
			.orElseThrow(() -> notFound(id));
		save(user);
		return AddressView.of(replaced);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete one of my addresses",
			description = "If it was the default, the most recently added remaining address becomes the default.")
	@ApiResponse(responseCode = "204", description = "Deleted")
	ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
		User user = SignedIn.user(this.users, token);
		if (!user.removeAddress(id)) {
			throw notFound(id);
		}
		save(user);
		return ResponseEntity.noContent().build();
	}

	private void save(User user) {
		user.setUpdatedAt(this.clock.instant());
		this.users.save(user);
	}

	private static ErrorResponseException notFound(String id) {
		// Another account's address id gets the same answer as an id that never existed.
		return new ErrorResponseException(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "address-not-found",
				"Address not found", "You have no address with this id."), null);
	}

	private static ErrorResponseException limitReached() {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "address-limit-reached", "Too many addresses",
				"An account may keep at most %d addresses. Delete one before adding another."
					.formatted(User.MAX_ADDRESSES));
		problem.setProperty("limit", User.MAX_ADDRESSES);
		return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
	}

}
