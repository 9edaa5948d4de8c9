package com.littlethreads.platform.store;

import java.nio.file.Files;
import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedMongoServerTests {

	@TempDir
	Path dataDirectory;

	@Test
	void keepsOneFilePerDatabaseUnderTheDataDirectory() {
		EmbeddedMongoServer server = new EmbeddedMongoServer(this.dataDirectory, "catalog");
		try {
			assertThat(server.file()).isEqualTo(this.dataDirectory.resolve("catalog.mv").toAbsolutePath());
			assertThat(server.connectionString().getDatabase()).isEqualTo("catalog");
			assertThat(server.connectionString().getHosts()).singleElement().asString().startsWith("127.0.0.1:");
		}
		finally {
			server.destroy();
		}
		assertThat(Files.exists(this.dataDirectory.resolve("catalog.mv"))).isTrue();
	}

	@Test
	void dataSurvivesARestart() {
		EmbeddedMongoServer first = new EmbeddedMongoServer(this.dataDirectory, "catalog");
		try (MongoClient client = MongoClients.create(first.connectionString())) {
			client.getDatabase("catalog").getCollection("products").insertOne(new Document("slug", "kept-tee"));
		}
		finally {
			first.destroy();
		}

		EmbeddedMongoServer second = new EmbeddedMongoServer(this.dataDirectory, "catalog");
		try (MongoClient client = MongoClients.create(second.connectionString())) {
			Document found = client.getDatabase("catalog")
				.getCollection("products")
				.find(Filters.eq("slug", "kept-tee"))
				.first();
			assertThat(found).isNotNull();
		}
		finally {
			second.destroy();
		}
	}

}
