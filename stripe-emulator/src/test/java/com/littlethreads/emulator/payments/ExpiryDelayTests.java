package com.littlethreads.emulator.payments;

import java.time.Duration;

import com.stripe.model.checkout.Session;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.littlethreads.emulator.EmulatorIntegrationTest;
import com.littlethreads.emulator.webhook.WebhookEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions expire by the clock, not when read: until {@code emulator.expiry-delay} after
 * their {@code expires_at} the API shows them open, as Stripe's may for a while, so that
 * an integration's handling of a session still open past its expiry can run.
 */
@TestPropertySource(properties = "emulator.expiry-delay=10m")
class ExpiryDelayTests extends EmulatorIntegrationTest {

	@Autowired
	Account account;

	@Autowired
	WebhookEvents events;

	@Test
	void sessionPastItsExpiryReadsOpenUntilTheClockExpiresIt() throws Exception {
		Session session = createSession(
				(params) -> params.setExpiresAt(this.clock.instant().plus(Duration.ofMinutes(31)).getEpochSecond()));
		this.clock.advance(Duration.ofMinutes(35));
		this.account.tick();

		assertThat(stripe().v1().checkout().sessions().retrieve(session.getId()).getStatus()).isEqualTo("open");
		assertThat(this.events.deliveries()).noneMatch((delivery) -> delivery.objectId().equals(session.getId()));
		assertThat(submitCard(session.getId(), "4242 4242 4242 4242").statusCode()).isEqualTo(410);

		this.clock.advance(Duration.ofMinutes(6));

		Session inEvent = (Session) awaitEvent("checkout.session.expired", session.getId()).getDataObjectDeserializer()
			.getObject()
			.orElseThrow();
		assertThat(inEvent.getStatus()).isEqualTo("expired");
	}

	@Test
	void sessionOpenPastItsExpiryCanStillBeExpiredThroughTheApi() throws Exception {
		Session session = createSession(
				(params) -> params.setExpiresAt(this.clock.instant().plus(Duration.ofMinutes(31)).getEpochSecond()));
		this.clock.advance(Duration.ofMinutes(35));

		Session expired = stripe().v1().checkout().sessions().expire(session.getId());

		assertThat(expired.getStatus()).isEqualTo("expired");
		assertThat(awaitEvent("checkout.session.expired", session.getId())).isNotNull();
	}

}
