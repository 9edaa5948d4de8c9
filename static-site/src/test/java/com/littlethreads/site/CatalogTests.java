package com.littlethreads.site;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CatalogTests {

	private HttpServer server;

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.stop(0);
		}
	}

	@Test
	void seedKeepsEveryProductWithItsStatusAndDrawsAnImagePerColour() {
		Catalog catalog = Catalog.fromSeed(GeneratedSite.fixtureSeed(), "0123456789");

		assertThat(catalog.products()).extracting(CatalogProduct::slug)
			.startsWith("sunny-tee", "secret-draft-dress", "old-archived-coat");
		assertThat(catalog.active()).extracting(CatalogProduct::slug)
			.doesNotContain("secret-draft-dress", "old-archived-coat")
			.hasSize(16);
		CatalogProduct tee = catalog.products().get(0);
		assertThat(tee.images()).extracting(CatalogProduct.Image::url)
			.containsExactly("/api/catalog/images/tops/yellow.0123456789.svg",
					"/api/catalog/images/tops/dusty-pink.0123456789.svg");
		assertThat(Catalog.fromSeed(GeneratedSite.fixtureSeed(), "").products().get(0).images())
			.extracting(CatalogProduct.Image::url)
			.as("without a version, the names catalog-service gave before it had versions")
			.startsWith("/api/catalog/images/tops/yellow.svg");
		assertThat(tee.sizes()).containsExactly("12-18M", "2T", "3T");
		assertThat(catalog.categories()).extracting(Catalog.Category::value)
			.as("only categories with active products")
			.containsExactly("tops", "bottoms", "accessories");
	}

	@Test
	void readsEveryActiveProductPageByPageFromARunningCatalogApi() throws IOException {
		Map<String, String> answers = Map.of("/api/catalog/products?sort=newest&pageSize=100&page=0", """
				{"items":[{"slug":"a-tee","inStock":true}],"page":0,"pageSize":100,"total":2}""",
				"/api/catalog/products?sort=newest&pageSize=100&page=1", """
						{"items":[{"slug":"b-dress","inStock":false}],"page":1,"pageSize":100,"total":2}""",
				"/api/catalog/products/a-tee", product("a-tee", "tops"), "/api/catalog/products/b-dress",
				product("b-dress", "dresses"), "/api/catalog/categories",
				"""
						[{"category":"tops","label":"Tops","count":1},{"category":"dresses","label":"Dresses","count":1}]""");
		URI base = serve(answers);

		Catalog catalog = Catalog.fromApi(base);

		assertThat(catalog.active()).extracting(CatalogProduct::slug).containsExactly("a-tee", "b-dress");
		assertThat(catalog.active()).extracting(CatalogProduct::inStock).containsExactly(true, false);
		CatalogProduct tee = catalog.active().get(0);
		assertThat(tee.price()).isEqualTo(new CatalogProduct.Money(1250, "GBP"));
		assertThat(tee.images())
			.containsExactly(new CatalogProduct.Image("/api/catalog/images/tops/navy.svg", "A tee in navy", 480, 480));
		assertThat(tee.variants()).containsExactly(new CatalogProduct.Variant("A-1", "2T", "navy"));
		assertThat(tee.care()).containsExactly("Wash cold");
		assertThat(catalog.categories()).containsExactly(new Catalog.Category("tops", "Tops"),
				new Catalog.Category("dresses", "Dresses"));
	}

	@Test
	void aFailingCatalogApiFailsTheBuild() throws IOException {
		URI base = serve(Map.of());

		assertThatIllegalStateException().isThrownBy(() -> Catalog.fromApi(base)).withMessageContaining("404");
	}

	@Test
	void catalogUrlComesFromTheEnvironmentWhenNotGiven() {
		String[] args = { "--seed=seed.json", "--output=out", "--public-url=https://shop.example/" };

		SiteSettings fromEnvironment = SiteSettings.fromArguments(args,
				(name) -> name.equals("SITE_CATALOG_URL") ? "http://catalog:8082/" : null);
		SiteSettings fromSeed = SiteSettings.fromArguments(args, (name) -> null);

		assertThat(fromEnvironment.catalogUrl()).isEqualTo(URI.create("http://catalog:8082"));
		assertThat(fromEnvironment.publicUrl()).isEqualTo("https://shop.example");
		assertThat(fromSeed.catalogUrl()).isNull();
		assertThat(fromSeed.seed()).isEqualTo(Path.of("seed.json"));
		assertThat(fromSeed.apiBase()).isEmpty();
	}

	@Test
	void drawingsVersionIsReadFromTheFileCatalogServiceKeeps() throws IOException {
		Path file = Path.of("../catalog-service/src/main/resources/images/drawings.version");
		String[] args = { "--seed=seed.json", "--output=out", "--drawings=" + file };

		SiteSettings settings = SiteSettings.fromArguments(args, (name) -> null);

		assertThat(settings.drawingsVersion()).matches("[0-9a-f]{10}").isEqualTo(Files.readString(file).strip());
		assertThat(SiteSettings.fromArguments(new String[] { "--seed=s.json", "--output=o" }, (name) -> null)
			.drawingsVersion()).isEmpty();
	}

	private URI serve(Map<String, String> answers) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", (exchange) -> answer(exchange, answers));
		this.server.start();
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	private static void answer(HttpExchange exchange, Map<String, String> answers) throws IOException {
		String body = answers.get(exchange.getRequestURI().toString());
		byte[] bytes = (body != null) ? body.getBytes(StandardCharsets.UTF_8) : new byte[0];
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders((body != null) ? 200 : 404, (bytes.length > 0) ? bytes.length : -1);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static String product(String slug, String category) {
		return """
				{"slug":"%s","name":"A %s","description":"d","category":"%s","gender":"unisex","seasons":[],
				 "material":"cotton","care":["Wash cold"],"price":{"amount":1250,"currency":"GBP"},
				 "images":[{"url":"/api/catalog/images/%s/navy.svg","alt":"A tee in navy","width":480,"height":480}],
				 "featured":false,"sizes":["2T"],"colours":["navy"],"variants":[{"sku":"A-1","size":"2T","colour":"navy"}]}"""
			.formatted(slug, slug.substring(2), category, category);
	}

}
