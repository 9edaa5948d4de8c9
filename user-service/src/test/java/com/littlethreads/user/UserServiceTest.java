package com.littlethreads.user;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The whole user service on a random port, on the embedded store in a fresh directory,
 * with the refresh cookie allowed over plain http. Its tokens are validated with its own
 * keys, so tests sign in for real rather than using the platform's test tokens.
 * <p>
 * Test classes sharing this context all call from loopback, so their wrong passwords
 * would add up in one address's bucket and throttle each other in whatever order they
 * run: the limits here are high. Tests of the limits set their own with
 * {@code @TestPropertySource}, which takes precedence.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "littlethreads.embedded-mongo.enabled=true",
				"littlethreads.embedded-mongo.data-directory=target/test-store/${random.uuid}",
				"users.auth.secure-cookie=false", "users.auth.failures-per-address=1000",
				"users.auth.failures-per-account=1000" })
public @interface UserServiceTest {

}
