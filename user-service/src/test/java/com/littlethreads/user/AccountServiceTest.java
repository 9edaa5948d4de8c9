package com.littlethreads.user;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The whole user service on a random port, on the embedded store in a fresh directory,
 * with a refresh cookie that plain http may carry.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "littlethreads.embedded-mongo.enabled=true",
				"littlethreads.embedded-mongo.data-directory=target/test-store/${random.uuid}",
				"users.auth.secure-cookie=false" })
public @interface AccountServiceTest {

}
