package com.littlethreads.emulator.webhook;

import java.util.List;

import com.stripe.model.Event;
import com.stripe.model.checkout.Session;
import com.stripe.param.EventListParams;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.littlethreads.emulator.EmulatorIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The switches that make webhooks go missing or late, so that an integration's recovery
 * through {@code GET /v1/events} can be tested, and the API version events are rendered
 * for, so that its handling of another version can be.
 */
@TestPropertySource(properties = { "emulator.webhook.drop=checkout.session.expired", "emulator.webhook.delay=1h",
		"emulator.webhook.api-version=2020-08-27" })
class WebhookSwitchesTests extends EmulatorIntegrationTest {

	@Autowired
	WebhookEvents events;

	@Test
	void droppedEventIsNeverDeliveredButIsListed() throws Exception {
		Session session = createSession();

		stripe().v1().checkout().sessions().expire(session.getId());

		Delivery delivery = deliveryOf(session.getId());
		assertThat(delivery.state()).isEqualTo(Delivery.State.DROPPED);
		assertThat(delivery.attempts()).isZero();
		assertThat(webhookRequests("checkout.session.expired", session.getId())).isEmpty();
		List<Event> listed = stripe().v1()
			.events()
			.list(EventListParams.builder().setType("checkout.session.expired").setDeliverySuccess(false).build())
			.getData();
		assertThat(listed).extracting(Event::getId).contains(delivery.eventId());
	}

	@Test
	void delayedEventWaitsBeforeItsFirstAttempt() throws Exception {
		Session session = createSession();

		submitCard(session.getId(), "4242 4242 4242 4242");

		Delivery delivery = deliveryOf(session.getId());
		assertThat(delivery.type()).isEqualTo("checkout.session.completed");
		assertThat(delivery.state()).isEqualTo(Delivery.State.PENDING);
		assertThat(delivery.attempts()).isZero();
		assertThat(stripe().v1().events().retrieve(delivery.eventId()).getType())
			.isEqualTo("checkout.session.completed");
	}

	@Test
	void eventsAreRenderedForTheConfiguredApiVersion() throws Exception {
		Session session = createSession();
		stripe().v1().checkout().sessions().expire(session.getId());

		Event event = stripe().v1().events().retrieve(deliveryOf(session.getId()).eventId());

		assertThat(event.getApiVersion()).isEqualTo("2020-08-27");
		assertThat(event.getDataObjectDeserializer().getObject()).as("stripe-java reads no other version").isEmpty();
		assertThat(event.getDataObjectDeserializer().getRawJson()).contains(session.getId());
	}

	private Delivery deliveryOf(String objectId) {
		return this.events.deliveries()
			.stream()
			.filter((delivery) -> delivery.objectId().equals(objectId))
			.findFirst()
			.orElseThrow();
	}

}
