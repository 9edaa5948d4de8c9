package com.littlethreads.emulator.webhook;

import java.util.ArrayList;
import java.util.List;

import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Event;
import com.stripe.model.StripeCollection;
import com.stripe.model.checkout.Session;
import com.stripe.param.EventListParams;
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

	@Test
	void eventsAreListedNewestFirstAndFilteredByType() throws Exception {
		long since = this.clock.instant().getEpochSecond();
		Session first = createSession();
		stripe().v1().checkout().sessions().expire(first.getId());
		Session second = createSession();
		stripe().v1().checkout().sessions().expire(second.getId());

		StripeCollection<Event> listed = stripe().v1()
			.events()
			.list(EventListParams.builder()
				.addType("checkout.session.expired")
				.setCreated(EventListParams.Created.builder().setGte(since).build())
				.setLimit(100L)
				.build());

		List<String> objects = objectIds(listed.getData());
		assertThat(objects.indexOf(second.getId())).isLessThan(objects.indexOf(first.getId()));
		assertThat(listed.getData())
			.allSatisfy((event) -> assertThat(event.getType()).isEqualTo("checkout.session.expired"));
		assertThat(stripe().v1()
			.events()
			.list(EventListParams.builder().setType("checkout.session.completed").setLimit(100L).build())
			.getData()).noneMatch((event) -> objectIds(List.of(event)).contains(first.getId()));
	}

	@Test
	void endingBeforeListsWhatCameAfterTheCursorPageByPage() throws Exception {
		Session cursor = createSession();
		stripe().v1().checkout().sessions().expire(cursor.getId());
		String cursorEvent = awaitEvent("checkout.session.expired", cursor.getId()).getId();
		List<String> later = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Session session = createSession();
			stripe().v1().checkout().sessions().expire(session.getId());
			later.add(session.getId());
		}

		EventListParams.Builder params = EventListParams.builder().addType("checkout.session.expired").setLimit(2L);
		StripeCollection<Event> nextToCursor = stripe().v1().events().list(params.setEndingBefore(cursorEvent).build());
		List<String> page1 = objectIds(nextToCursor.getData());
		StripeCollection<Event> newer = stripe().v1()
			.events()
			.list(params.setEndingBefore(nextToCursor.getData().get(0).getId()).build());

		assertThat(page1).containsExactly(later.get(1), later.get(0));
		assertThat(nextToCursor.getHasMore()).isTrue();
		assertThat(objectIds(newer.getData())).containsExactly(later.get(2));
		assertThat(newer.getHasMore()).isFalse();
	}

	@Test
	void startingAfterPagesTowardsOlderEvents() throws Exception {
		List<String> sessions = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Session session = createSession();
			stripe().v1().checkout().sessions().expire(session.getId());
			sessions.add(session.getId());
		}
		EventListParams.Builder params = EventListParams.builder().addType("checkout.session.expired").setLimit(2L);
		StripeCollection<Event> newest = stripe().v1().events().list(params.build());

		StripeCollection<Event> older = stripe().v1()
			.events()
			.list(params.setStartingAfter(newest.getData().get(1).getId()).build());

		assertThat(objectIds(newest.getData())).containsExactly(sessions.get(2), sessions.get(1));
		assertThat(objectIds(older.getData())).startsWith(sessions.get(0));
	}

	@Test
	void unknownCursorIsResourceMissing() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(
					() -> stripe().v1().events().list(EventListParams.builder().setEndingBefore("evt_gone").build()))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo("resource_missing");
				assertThat(ex.getParam()).isEqualTo("ending_before");
			});
	}

	private static List<String> objectIds(List<Event> events) {
		return events.stream()
			.map((event) -> ((Session) event.getDataObjectDeserializer().getObject().orElseThrow()).getId())
			.toList();
	}

}
