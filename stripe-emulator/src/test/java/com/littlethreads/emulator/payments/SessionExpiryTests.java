package com.littlethreads.emulator.payments;

import java.time.Duration;

import com.stripe.model.checkout.Session;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.littlethreads.emulator.EmulatorIntegrationTest;
import com.littlethreads.emulator.webhook.WebhookEvents;

import static org.assertj.core.api.Assertions.assertThat;

class SessionExpiryTests extends EmulatorIntegrationTest {

	@Autowired
	Account account;

	@Autowired
	WebhookEvents events;

	@Test
	void schedulerExpiresAnOpenSessionPastItsExpiryAndEmitsTheEvent() throws Exception {
		long expiresAt = this.clock.instant().plus(Duration.ofMinutes(31)).getEpochSecond();
		Session session = createSession((params) -> params.setExpiresAt(expiresAt));

		this.clock.advance(Duration.ofMinutes(32));

		Session inEvent = (Session) awaitEvent("checkout.session.expired", session.getId()).getDataObjectDeserializer()
			.getObject()
			.orElseThrow();
		assertThat(inEvent.getStatus()).isEqualTo("expired");
		assertThat(stripe().v1().checkout().sessions().retrieve(session.getId()).getStatus()).isEqualTo("expired");
	}

	@Test
	void sessionBeforeItsExpiryStaysOpen() throws Exception {
		long expiresAt = this.clock.instant().plus(Duration.ofMinutes(31)).getEpochSecond();
		Session session = createSession((params) -> params.setExpiresAt(expiresAt));

		this.clock.advance(Duration.ofMinutes(30));
		this.account.tick();

		assertThat(stripe().v1().checkout().sessions().retrieve(session.getId()).getStatus()).isEqualTo("open");
		assertThat(this.events.deliveries()).noneMatch((delivery) -> delivery.objectId().equals(session.getId()));
	}

	@Test
	void paidSessionNeverExpires() throws Exception {
		Session session = createSession(
				(params) -> params.setExpiresAt(this.clock.instant().plus(Duration.ofMinutes(31)).getEpochSecond()));
		submitCard(session.getId(), "4242 4242 4242 4242");

		this.clock.advance(Duration.ofHours(2));
		this.account.tick();

		assertThat(stripe().v1().checkout().sessions().retrieve(session.getId()).getStatus()).isEqualTo("complete");
		assertThat(this.events.deliveries()).filteredOn((delivery) -> delivery.objectId().equals(session.getId()))
			.extracting((delivery) -> delivery.type())
			.containsExactly("checkout.session.completed");
	}

	@Test
	void sessionPastItsExpiryTakesNoPaymentEvenBeforeTheClockExpiresIt() throws Exception {
		Session session = createSession(
				(params) -> params.setExpiresAt(this.clock.instant().plus(Duration.ofMinutes(31)).getEpochSecond()));

		this.clock.advance(Duration.ofMinutes(31));

		assertThat(submitCard(session.getId(), "4242 4242 4242 4242").statusCode()).isEqualTo(410);
		assertThat(stripe().v1().checkout().sessions().retrieve(session.getId()).getPaymentStatus())
			.isEqualTo("unpaid");
	}

}
