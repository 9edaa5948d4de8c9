package com.littlethreads.payment;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import com.littlethreads.platform.test.MutableClock;

/**
 * The whole payment service on a random port, on the embedded store in a fresh directory,
 * with a clock the test moves, Stripe keys for tests and the scheduled reconciliation off
 * (tests run passes themselves). Catalog, user-service and Stripe are one WireMock
 * server, see {@link PaymentHttpTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "littlethreads.embedded-mongo.enabled=true",
				"littlethreads.embedded-mongo.data-directory=target/test-store/${random.uuid}",
				"stripe.secret-key=" + PaymentHttpTest.STRIPE_KEY,
				"stripe.webhook-secret=" + PaymentHttpTest.WEBHOOK_SECRET, "stripe.read-timeout=1s",
				"payment.client-secret=" + PaymentHttpTest.CLIENT_SECRET, "payment.reconciliation-enabled=false" })
@Import(PaymentServiceTest.TestClock.class)
public @interface PaymentServiceTest {

	@TestConfiguration(proxyBeanMethods = false)
	class TestClock {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock();
		}

	}

}
