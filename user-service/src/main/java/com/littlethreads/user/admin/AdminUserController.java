package com.littlethreads.user.admin;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.littlethreads.platform.problem.Problems;
import com.littlethreads.user.account.Role;
import com.littlethreads.user.account.User;
import com.littlethreads.user.account.UserRepository;

/**
 * Accounts for admins: list them, grant and revoke roles. The access rules already limit
 * {@code /api/users/admin/**} to ROLE_ADMIN. A role change shows in the account's next
 * access token (at most 15 minutes away), not in tokens already issued.
 */
@RestController
@RequestMapping("/api/users/admin/users")
@Tag(name = "Accounts (admin)")
class AdminUserController {

	private final UserRepository users;

	private final Clock clock;

	AdminUserController(UserRepository users, Clock clock) {
		this.users = users;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "List accounts, oldest first")
	AdminUserView.Page list(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(100) int pageSize) {
		var found = this.users.findAll(PageRequest.of(page, pageSize, Sort.by("createdAt", "_id")));
		return new AdminUserView.Page(found.map(AdminUserView::of).getContent(), page, pageSize,
				found.getTotalElements());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One account")
	AdminUserView get(@PathVariable String id) {
		return AdminUserView.of(find(id));
	}

	@PutMapping("/{id}/roles/{role}")
	@Operation(summary = "Grant a role (idempotent)")
	AdminUserView grant(@PathVariable String id, @PathVariable Role role) {
		User user = find(id);
		if (!user.getRoles().contains(role)) {
			Set<Role> roles = EnumSet.copyOf(user.getRoles());
			roles.add(role);
			user.setRoles(roles);
			user.setUpdatedAt(this.clock.instant());
			user = this.users.save(user);
		}
		return AdminUserView.of(user);
	}

	@DeleteMapping("/{id}/roles/{role}")
	@Operation(summary = "Revoke a role (idempotent); an admin cannot revoke their own ADMIN")
	AdminUserView revoke(@AuthenticationPrincipal Jwt token, @PathVariable String id, @PathVariable Role role) {
		User user = find(id);
		if (role == Role.ADMIN && user.getId().equals(token.getSubject())) {
			// Otherwise the last admin could lock everyone out of the admin API.
			throw new ErrorResponseException(HttpStatus.CONFLICT,
					Problems.of(HttpStatus.CONFLICT, "cannot-revoke-own-admin", "Cannot revoke your own admin role",
							"Ask another admin to revoke your ADMIN role."),
					null);
		}
		if (user.getRoles().contains(role)) {
			Set<Role> roles = EnumSet.copyOf(user.getRoles());
			roles.remove(role);
			user.setRoles(roles);
			user.setUpdatedAt(this.clock.instant());
			user = this.users.save(user);
		}
		return AdminUserView.of(user);
	}

	private User find(String id) {
		return this.users.findById(id)
			.orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
					Problems.of(HttpStatus.NOT_FOUND, "user-not-found", "User not found", "No account has this id."),
					null));
	}

}
