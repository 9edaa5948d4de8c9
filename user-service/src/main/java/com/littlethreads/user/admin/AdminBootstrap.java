package com.littlethreads.user.admin;

import java.time.Clock;
import java.util.EnumSet;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import com.littlethreads.user.account.Emails;
import com.littlethreads.user.account.PasswordPolicy;
import com.littlethreads.user.account.Role;
import com.littlethreads.user.account.User;
import com.littlethreads.user.account.UserRepository;

/**
 * Creates the first admin from {@code ADMIN_EMAIL} and {@code ADMIN_PASSWORD}, so that a
 * fresh shop can be run without a hard-coded account. Only ever creates: once the account
 * exists (from an earlier start, or registered by hand) it is left exactly as it is, so
 * restarting with the variables still set never resets a password the admin has changed.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

	private static final Log log = LogFactory.getLog(AdminBootstrap.class);

	private final AdminProperties properties;

	private final UserRepository users;

	private final PasswordEncoder passwords;

	private final PasswordPolicy policy;

	private final Clock clock;

	AdminBootstrap(AdminProperties properties, UserRepository users, PasswordEncoder passwords, PasswordPolicy policy,
			Clock clock) {
		this.properties = properties;
		this.users = users;
		this.passwords = passwords;
		this.policy = policy;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.properties.isConfigured()) {
			return;
		}
		String email = Emails.normalise(this.properties.email());
		if (email.indexOf('@') < 1 || email.endsWith("@")) {
			throw new IllegalStateException(
					"ADMIN_EMAIL (users.admin.email) is not an email address: '" + this.properties.email() + "'");
		}
		if (this.users.existsByEmail(email)) {
			log.info("Admin account " + email + " already exists; left unchanged");
			return;
		}
		this.policy.problem(this.properties.password(), email).ifPresent((problem) -> {
			throw new IllegalStateException(
					"ADMIN_PASSWORD (users.admin.password) is not acceptable for the first admin: it " + problem);
		});
		String displayName = this.properties.displayName();
		User admin = new User(email,
				(displayName != null && !displayName.isBlank()) ? displayName.trim() : "Shop admin",
				this.passwords.encode(this.properties.password()), this.clock.instant());
		admin.setRoles(EnumSet.of(Role.CUSTOMER, Role.ADMIN));
		try {
			this.users.insert(admin);
			log.info("Created admin account " + email);
		}
		catch (DuplicateKeyException ex) {
			// Another instance created it at the same moment.
			log.info("Admin account " + email + " already exists; left unchanged");
		}
	}

}
