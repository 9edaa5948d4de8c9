package com.littlethreads.platform.testapp;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The platform test service, running on a random port with the embedded store in a fresh
 * directory.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "littlethreads.embedded-mongo.enabled=true",
				"littlethreads.embedded-mongo.data-directory=target/test-store/${random.uuid}",
				"spring.mongodb.database=probe",
				// The probes are no API: only OpenApiContractTests reads their document.
				"springdoc.api-docs.enabled=false" })
public @interface PlatformTest {

}
