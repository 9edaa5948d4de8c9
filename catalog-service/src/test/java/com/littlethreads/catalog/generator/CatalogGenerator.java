package com.littlethreads.catalog.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ch.qos.logback.classic.Level;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import com.littlethreads.catalog.product.ActiveProducts;
import com.littlethreads.catalog.product.Category;
import com.littlethreads.catalog.product.Gender;
import com.littlethreads.catalog.product.Money;
import com.littlethreads.catalog.product.Product;
import com.littlethreads.catalog.product.ProductStatus;
import com.littlethreads.catalog.product.Season;
import com.littlethreads.catalog.product.Variant;

/**
 * Fills a catalog store with made-up products for benchmarks and for trying the shop at
 * size: an embedded store directory (what {@code ./run.sh} keeps in {@code LT_DATA_DIR}),
 * or MongoDB by URI. It lives with the tests, so it never ships and never touches the
 * sample catalog; {@code scripts/generate-catalog.sh} runs it. Documents are written with
 * Spring Data and the catalog's own {@link Product}, exactly as catalog-service writes
 * them.
 *
 * <pre>
 * --products=N        how many products (default 10000)
 * --data-dir=DIR      an embedded store directory (the file DIR/catalog.mv), or
 * --mongodb-uri=URI   a MongoDB (the database named in the URI, else "catalog")
 * --seed=S            the random seed (default 1): the same seed makes the same catalog
 * --replace           delete the products and reservations already there (else refuse)
 * --json=FILE         also write the products as a seed file, for the static site's build
 * --currency=GBP      the shop's currency
 * </pre>
 */
public final class CatalogGenerator {

	private static final int BATCH = 500;

	private CatalogGenerator() {
	}

	public static void main(String[] args) throws IOException {
		// The store and the driver log every connection; only the summary matters here.
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
		Map<String, String> options = options(args);
		int count = Integer.parseInt(options.getOrDefault("products", "10000"));
		long seed = Long.parseLong(options.getOrDefault("seed", "1"));
		String currency = options.getOrDefault("currency", "GBP");
		boolean replace = options.containsKey("replace");
		String dataDir = options.get("data-dir");
		String uri = options.get("mongodb-uri");
		if ((dataDir == null) == (uri == null)) {
			throw new IllegalArgumentException("Give exactly one of --data-dir=DIR and --mongodb-uri=URI");
		}
		MongoServer server = null;
		ConnectionString connection;
		if (dataDir != null) {
			Path file = Path.of(dataDir).resolve("catalog.mv").toAbsolutePath();
			Files.createDirectories(file.getParent());
			// As platform's EmbeddedMongoServer opens it; catalog-service must not be
			// running on the same directory (the file is locked while open).
			server = new MongoServer(new H2Backend(file.toString()).version(ServerVersion.MONGO_5_0));
			connection = new ConnectionString("mongodb://127.0.0.1:" + server.bind().getPort() + "/catalog");
		}
		else {
			connection = new ConnectionString(uri);
		}
		String database = (connection.getDatabase() != null) ? connection.getDatabase() : "catalog";
		try (MongoClient client = MongoClients.create(connection)) {
			MongoTemplate mongo = new MongoTemplate(client, database);
			long existing = mongo.count(new Query(), Product.class);
			if (existing > 0 && !replace) {
				throw new IllegalStateException("The catalog already holds " + existing
						+ " products; pass --replace to delete them (and every reservation) first");
			}
			if (replace) {
				mongo.dropCollection(Product.class);
				mongo.dropCollection("reservations");
			}
			List<Product> products = generate(count, seed, currency);
			for (int from = 0; from < products.size(); from += BATCH) {
				mongo.insert(products.subList(from, Math.min(products.size(), from + BATCH)), Product.class);
			}
			// Catalog instances running on this database read it all again.
			ActiveProducts.announceEverythingChanged(mongo);
			System.out.println("Generated " + products.size() + " products (seed " + seed + ", "
					+ products.stream().mapToInt((product) -> product.getVariants().size()).sum() + " variants) in "
					+ ((dataDir != null) ? Path.of(dataDir).resolve("catalog.mv") : connection.getHosts()) + ", "
					+ "database " + database);
			if (options.containsKey("json")) {
				writeSeedFile(Path.of(options.get("json")), products);
				System.out.println("Wrote them as a seed file to " + options.get("json"));
			}
		}
		finally {
			if (server != null) {
				server.shutdown();
			}
		}
	}

	public static List<Product> generate(int count, long seed, String currency) {
		GeneratedProducts generated = new GeneratedProducts(seed,
				Instant.parse("2026-11-01T09:00:00Z").truncatedTo(ChronoUnit.MINUTES));
		List<Product> products = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			products.add(generated.next(i, currency));
		}
		return products;
	}

	/**
	 * The products in the format of {@code seed/products.json}, newest first, which the
	 * static site's build reads with {@code -Dsite.seed=FILE}.
	 */
	private static void writeSeedFile(Path file, List<Product> products) {
		List<SeedEntry> entries = products.stream()
			.map((product) -> new SeedEntry(product.getSlug(), product.getName(), product.getDescription(),
					product.getCategory(), product.getGender(), product.getSeasons(), product.getMaterial(),
					product.getCare(), product.getPrice(), product.getStatus(), product.isFeatured(),
					product.getVariants()))
			.toList();
		JsonMapper.builder().build().writeValue(file.toFile(), entries);
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("Expected --name=value or --flag, got " + arg);
			}
			int equals = arg.indexOf('=');
			options.put((equals > 0) ? arg.substring(2, equals) : arg.substring(2),
					(equals > 0) ? arg.substring(equals + 1) : "");
		}
		return options;
	}

	/**
	 * One product as {@code seed/products.json} spells it.
	 */
	record SeedEntry(String slug, String name, String description, Category category, Gender gender,
			Set<Season> seasons, String material, List<String> care, Money price, ProductStatus status,
			boolean featured, List<Variant> variants) {

	}

}
