package com.littlethreads.user.account;

import org.junit.jupiter.api.Test;

import org.bson.Document;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.littlethreads.platform.test.ServiceHttpTest;
import com.littlethreads.platform.test.TestHttp.Response;
import com.littlethreads.user.Shoppers;
import com.littlethreads.user.Shoppers.Shopper;
import com.littlethreads.user.UserServiceTest;

import static com.littlethreads.user.account.ProfileIntegrationTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shopper deletes their account: the personal data goes and nothing can sign in as it.
 */
@UserServiceTest
class AccountDeletionIntegrationTests extends ServiceHttpTest {

	@Autowired
	UserRepository users;

	@Autowired
	MongoTemplate mongo;

	@Test
	void deletedAccountIsGoneWithItsAddressesAndSessions() {
		Shopper shopper = Shoppers.newShopper(this.http);
		shopper.call(this.http, "POST", "/api/users/me/addresses", """
				{"name": "Ann", "line1": "1 High Street", "city": "York", "postalCode": "YO1 7HH", "country": "GB"}""");

		Response deleted = shopper.call(this.http, "DELETE", "/api/users/me", null);

		assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
		assertThat(this.users.findById(shopper.id())).isEmpty();
		assertThat(this.users.existsByEmail(shopper.email())).isFalse();
		Query sessions = Query.query(Criteria.where("userId").is(shopper.id()));
		Query liveSessions = Query.query(Criteria.where("userId").is(shopper.id()).and("revokedAt").isNull());
		assertThat(this.mongo.count(sessions, Document.class, "refreshFamilies")).isPositive();
		assertThat(this.mongo.count(liveSessions, Document.class, "refreshFamilies")).isZero();
		assertProblem(shopper.call(this.http, "GET", "/api/users/me", null), 401, "unauthorized");
		assertProblem(shopper.call(this.http, "GET", "/api/users/me/addresses", null), 401, "unauthorized");
		assertProblem(shopper.refresh(this.http), 401, "invalid-refresh-token");
		assertProblem(Shoppers.login(this.http, shopper.email(), Shoppers.PASSWORD), 401, "invalid-credentials");
	}

	@Test
	void emailMayRegisterAgainAsANewAccount() {
		Shopper shopper = Shoppers.newShopper(this.http);
		shopper.call(this.http, "DELETE", "/api/users/me", null);

		Response registered = Shoppers.register(this.http, shopper.email(), "quince harbour violin");

		assertThat(registered.status()).isEqualTo(201);
		assertThat(registered.json().get("id").asString()).isNotEqualTo(shopper.id());
		assertThat(Shoppers.login(this.http, shopper.email(), "quince harbour violin").status()).isEqualTo(200);
	}

	@Test
	void deletingWithoutATokenIsUnauthorized() {
		assertProblem(this.http.send("DELETE", "/api/users/me", null), 401, "unauthorized");
	}

}
