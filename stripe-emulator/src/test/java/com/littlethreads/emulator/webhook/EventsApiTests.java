package com.littlethreads.emulator.webhook;

import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Event;
import com.stripe.model.checkout.Session;
import org.junit.jupiter.api.Test;

import com.littlethreads.emulator.EmulatorIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EventsApiTests extends EmulatorIntegrationTest {

	@Test
	void deliveredEventCanBeRetrievedAsDelivered() throws Exception {
		Session session = createSession();
		stripe().v1().checkout().sessions().expire(session.getId());
		Event delivered = awaitEvent("checkout.session.expired", session.getId());

		Event retrieved = stripe().v1().events().retrieve(delivered.getId());

		assertThat(retrieved.getType()).isEqualTo("checkout.session.expired");
		assertThat(retrieved.getCreated()).isEqualTo(delivered.getCreated());
		Session inEvent = (Session) retrieved.getDataObjectDeserializer().getObject().orElseThrow();
		assertThat(inEvent.getId()).isEqualTo(session.getId());
	}

	@Test
	void unknownEventIsResourceMissing() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> stripe().v1().events().retrieve("evt_nope"))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(404);
				assertThat(ex.getCode()).isEqualTo("resource_missing");
			});
	}

}
