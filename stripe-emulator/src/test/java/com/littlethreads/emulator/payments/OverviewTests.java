package com.littlethreads.emulator.payments;

import java.net.http.HttpResponse;

import com.stripe.model.checkout.Session;
import org.junit.jupiter.api.Test;

import com.littlethreads.emulator.EmulatorIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class OverviewTests extends EmulatorIntegrationTest {

	@Test
	void overviewListsSessionsAndTheirWebhookDeliveries() throws Exception {
		Session open = createSession((params) -> params.setClientReferenceId("ord_<open>"));
		Session paid = createSession();
		submitCard(paid.getId(), "4242 4242 4242 4242");
		awaitEvent("checkout.session.completed", paid.getId());

		HttpResponse<String> page = get("/");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<a href=\"/checkout/" + open.getId() + "\">")
			.contains("ord_&lt;open&gt;")
			.contains("£48.00")
			.contains(paid.getId())
			.contains("checkout.session.completed")
			.doesNotContain("ord_<open>");
	}

}
