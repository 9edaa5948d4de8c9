package com.littlethreads.platform.devstore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
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

	/**
	 * H2 sizes its page cache by its own estimate of a page's memory, which for these
	 * documents is several times too small, so what it keeps cannot be read off the cache
	 * or, reliably, off the heap in a test; docs/benchmarks.md has catalog-service's
	 * collection logs with each size. What is checked here is the size it is given.
	 */
	@Test
	void pagesReadByAScanAreNotKeptBeyondAMegabyteOfCache() {
		EmbeddedMongoServer server = new EmbeddedMongoServer(this.dataDirectory, "catalog");
		try {
			assertThat(server.store().getCacheSize()).isEqualTo(1);
		}
		finally {
			server.destroy();
		}
	}

	@Test
	void queriesNamingOneIdAnswerAsAScanWould() {
		EmbeddedMongoServer server = new EmbeddedMongoServer(this.dataDirectory, "catalog");
		try (MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> products = client.getDatabase("catalog").getCollection("products");
			for (int i = 0; i < 20; i++) {
				products.insertOne(new Document("_id", "p" + i).append("stock", i)
					.append("variants", List.of(new Document("sku", "S" + i).append("stock", i))));
			}

			assertThat(products.find(Filters.and(Filters.eq("_id", "p5"), Filters.gte("stock", 5))).first())
				.isNotNull();
			assertThat(products.find(Filters.and(Filters.eq("_id", "p5"), Filters.gte("stock", 6))).first()).isNull();
			assertThat(products.find(Filters.and(Filters.eq("_id", "p99"), Filters.gte("stock", 0))).first()).isNull();
			assertThat(products.find(Filters.and(Filters.eq("_id", "p7"), Filters.eq("variants.sku", "S7")))
				.projection(new Document("stock", 1))
				.first()).isEqualTo(new Document("_id", "p7").append("stock", 7));
			// A guarded update of one element, as stock is taken.
			Document guard = new Document("_id", "p3").append("variants",
					new Document("$elemMatch", new Document("sku", "S3").append("stock", new Document("$gte", 2))));
			Document take = new Document("$inc", new Document("variants.$[v].stock", -2));
			FindOneAndUpdateOptions options = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)
				.arrayFilters(List.of(new Document("v.sku", "S3")));
			assertThat(products.findOneAndUpdate(guard, take, options)).isNotNull();
			assertThat(products.findOneAndUpdate(guard, take, options)).isNull();
			assertThat(products.find(Filters.eq("_id", "p3")).first().getList("variants", Document.class).get(0))
				.isEqualTo(new Document("sku", "S3").append("stock", 1));
			assertThat(products
				.updateOne(new Document("_id", "p4").append("stock", 4), new Document("$inc", new Document("stock", 1)))
				.getModifiedCount()).isOne();
			assertThat(products
				.updateOne(new Document("_id", "p4").append("stock", 4), new Document("$inc", new Document("stock", 1)))
				.getModifiedCount()).isZero();
			assertThat(products.countDocuments(Filters.gte("stock", 10))).isEqualTo(10);
		}
		finally {
			server.destroy();
		}
	}

	@Test
	void collectionsOfAReopenedStoreAnswerQueriesNamingOneId() {
		EmbeddedMongoServer first = new EmbeddedMongoServer(this.dataDirectory, "catalog");
		try (MongoClient client = MongoClients.create(first.connectionString())) {
			client.getDatabase("catalog").getCollection("products").insertOne(new Document("_id", "p1").append("a", 1));
		}
		finally {
			first.destroy();
		}

		EmbeddedMongoServer second = new EmbeddedMongoServer(this.dataDirectory, "catalog");
		try (MongoClient client = MongoClients.create(second.connectionString())) {
			MongoCollection<Document> products = client.getDatabase("catalog").getCollection("products");
			assertThat(products.find(Filters.and(Filters.eq("_id", "p1"), Filters.eq("a", 1))).first()).isNotNull();
			assertThat(products.find(Filters.and(Filters.eq("_id", "p1"), Filters.eq("a", 2))).first()).isNull();
		}
		finally {
			second.destroy();
		}
	}

}
