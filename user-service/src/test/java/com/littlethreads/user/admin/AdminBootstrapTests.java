package com.littlethreads.user.admin;

import java.time.Clock;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.user.Shoppers;
import com.littlethreads.user.UserServiceTest;
import com.littlethreads.user.account.PasswordPolicy;
import com.littlethreads.user.account.Role;
import com.littlethreads.user.account.User;
import com.littlethreads.user.account.UserRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The first admin comes from the environment, once, and is never overwritten.
 */
@UserServiceTest
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapTests extends ServiceHttpTest {

	private static final String PASSWORD = "heather kestrel bonfire";

	@Autowired
	UserRepository users;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	PasswordPolicy policy;

	@Autowired
	Clock clock;

	@Test
	void createsTheAdminOnceAndLeavesItAloneAfterwards(CapturedOutput output) {
		String email = uniqueEmail();
		bootstrap(email, PASSWORD).run(new DefaultApplicationArguments());
		User created = this.users.findByEmail(email).orElseThrow();

		bootstrap(email, PASSWORD).run(new DefaultApplicationArguments());
		bootstrap(email, "another lovely passphrase").run(new DefaultApplicationArguments());

		assertThat(created.getRoles()).containsExactlyInAnyOrder(Role.CUSTOMER, Role.ADMIN);
		assertThat(created.getDisplayName()).isEqualTo("Boss");
		assertThat(this.passwords.matches(PASSWORD, created.getPasswordHash())).isTrue();
		User after = this.users.findByEmail(email).orElseThrow();
		assertThat(after.getId()).isEqualTo(created.getId());
		assertThat(after.getPasswordHash()).isEqualTo(created.getPasswordHash());
		assertThat(after.getVersion()).isEqualTo(created.getVersion());
		assertThat(this.users.findAll().stream().filter((user) -> user.getEmail().equals(email))).hasSize(1);
		assertThat(output).contains("Created admin account " + email).doesNotContain(PASSWORD);
	}

	@Test
	void emailIsNormalisedSoASecondSpellingDoesNotDuplicate() {
		String email = uniqueEmail();
		bootstrap(email, PASSWORD).run(new DefaultApplicationArguments());

		bootstrap("  " + email.toUpperCase() + " ", PASSWORD).run(new DefaultApplicationArguments());

		assertThat(this.users.findAll().stream().filter((user) -> user.getEmail().equals(email))).hasSize(1);
	}

	@Test
	void existingAccountWithThatEmailIsNeitherPromotedNorReset() {
		String email = uniqueEmail();
		assertThat(Shoppers.register(this.http, email, Shoppers.PASSWORD).status()).isEqualTo(201);
		User before = this.users.findByEmail(email).orElseThrow();

		bootstrap(email, PASSWORD).run(new DefaultApplicationArguments());

		User after = this.users.findByEmail(email).orElseThrow();
		assertThat(after.getRoles()).containsExactly(Role.CUSTOMER);
		assertThat(after.getPasswordHash()).isEqualTo(before.getPasswordHash());
	}

	@Test
	void weakPasswordStopsStartupNamingTheVariable() {
		String email = uniqueEmail();

		assertThatIllegalStateException()
			.isThrownBy(() -> bootstrap(email, "password").run(new DefaultApplicationArguments()))
			.withMessageContaining("ADMIN_PASSWORD");
		assertThat(this.users.findByEmail(email)).isEmpty();
	}

	@Test
	void malformedEmailStopsStartupNamingTheVariable() {
		assertThatIllegalStateException()
			.isThrownBy(() -> bootstrap("not-an-email", PASSWORD).run(new DefaultApplicationArguments()))
			.withMessageContaining("ADMIN_EMAIL");
	}

	@Test
	void nothingHappensUnlessEmailAndPasswordAreBothSet() {
		long before = this.users.count();

		bootstrap(uniqueEmail(), "").run(new DefaultApplicationArguments());
		bootstrap("", PASSWORD).run(new DefaultApplicationArguments());
		bootstrap(null, null).run(new DefaultApplicationArguments());

		assertThat(this.users.count()).isEqualTo(before);
	}

	private AdminBootstrap bootstrap(String email, String password) {
		return new AdminBootstrap(new AdminProperties(email, password, "Boss"), this.users, this.passwords, this.policy,
				this.clock);
	}

	private static String uniqueEmail() {
		return "admin-" + UUID.randomUUID() + "@littlethreads.test";
	}

}
