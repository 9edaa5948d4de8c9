package com.littlethreads.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class SiteGeneratorTests {

	private static final Pattern JSON_LD = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>",
			Pattern.DOTALL);

	private static final Pattern LOC = Pattern.compile("<loc>([^<]+)</loc>");

	@TempDir
	static Path output;

	static GeneratedSite site;

	static Catalog catalog;

	@BeforeAll
	static void generate() {
		catalog = Catalog.fromSeed(GeneratedSite.fixtureSeed(), GeneratedSite.DRAWINGS);
		site = GeneratedSite.generate(GeneratedSite.fixtureSeed(), output);
	}

	@Test
	void everyActiveProductHasAPageAndDraftOrArchivedOnesNone() throws IOException {
		for (CatalogProduct product : catalog.products()) {
			Path page = output.resolve("products/" + product.slug() + "/index.html");
			assertThat(Files.exists(page)).as("%s (%s) has a page", product.slug(), product.status())
				.isEqualTo(product.active());
		}
		try (Stream<Path> pages = Files.list(output.resolve("products"))) {
			assertThat(pages.count()).isEqualTo(catalog.active().size()).isEqualTo(16);
		}
		for (Path page : site.htmlFiles()) {
			assertThat(Files.readString(page)).as(page.toString())
				.doesNotContain("secret-draft-dress")
				.doesNotContain("Secret Draft Dress")
				.doesNotContain("old-archived-coat");
		}
		assertThat(site.read("sitemap.xml")).doesNotContain("secret-draft-dress").doesNotContain("old-archived-coat");
	}

	@Test
	void productPageShowsEverySizeAndColourPriceDescriptionMaterialAndCare() {
		String page = site.read("products/sunny-tee/index.html");

		assertThat(page).contains("<h1>Sunny Tee</h1>")
			.contains("<p class=\"price\">£14.00</p>")
			.contains("The sunny tee, a fixture product")
			.contains("100% cotton")
			.contains("<li>Machine wash at 30°C</li>")
			.contains("value=\"yellow\"")
			.contains("value=\"dusty-pink\"");
		assertThat(page.indexOf("value=\"12-18M\"")).as("sizes in scale order, not the seed's")
			.isLessThan(page.indexOf("value=\"2T\""));
		assertThat(page.indexOf("value=\"2T\"")).isLessThan(page.indexOf("value=\"3T\""));
		assertThat(page).contains("<title>Sunny Tee | Tops | Little Threads</title>")
			.contains("<link rel=\"canonical\" href=\"https://shop.example/products/sunny-tee/\">")
			.contains("<meta property=\"og:type\" content=\"product\">")
			.contains("width=\"480\" height=\"480\"");
	}

	@Test
	void pricesAndJsonLdMatchTheCatalogData() {
		for (CatalogProduct product : catalog.active()) {
			String page = site.read("products/" + product.slug() + "/index.html");
			Matcher ld = JSON_LD.matcher(page);
			assertThat(ld.find()).as(product.slug()).isTrue();
			JsonNode json = JsonMapper.builder().build().readTree(ld.group(1));
			assertThat(json.path("@type").asString()).isEqualTo("Product");
			assertThat(json.path("name").asString()).isEqualTo(product.name());
			JsonNode offer = json.path("offers");
			assertThat(offer.path("@type").asString()).isEqualTo("Offer");
			assertThat(offer.path("priceCurrency").asString()).isEqualTo(product.price().currency());
			assertThat(offer.path("url").asString()).isEqualTo("https://shop.example/products/" + product.slug() + "/");
			assertThat(offer.path("availability").asString()).isEqualTo(product.slug().equals("sold-out-shorts")
					? "https://schema.org/OutOfStock" : "https://schema.org/InStock");
		}
		JsonNode tee = jsonLd("products/sunny-tee/index.html");
		assertThat(tee.path("offers").path("price").asString()).isEqualTo("14.00");
		assertThat(site.read("products/sold-out-shorts/index.html")).contains("£9.99");
		assertThat(jsonLd("products/sold-out-shorts/index.html").path("offers").path("price").asString())
			.isEqualTo("9.99");
		assertThat(site.read("products/tokyo-hat/index.html")).as("yen have no minor unit").contains("JP¥1,500");
		assertThat(jsonLd("products/tokyo-hat/index.html").path("offers").path("price").asString()).isEqualTo("1500");
	}

	@Test
	void jsonLdCannotBreakOutOfItsScriptElement() {
		String page = site.read("products/tokyo-hat/index.html");
		Matcher ld = JSON_LD.matcher(page);
		assertThat(ld.find()).isTrue();
		assertThat(ld.group(1)).doesNotContain("<").contains("Tokyo Hat \\u003cSpecial>");
		assertThat(jsonLd("products/tokyo-hat/index.html").path("name").asString()).isEqualTo("Tokyo Hat <Special>");
		assertThat(page).contains("<h1>Tokyo Hat &lt;Special&gt;</h1>");
	}

	@Test
	void categoryPagesArePaginatedAndListOnlyTheirProducts() {
		String first = site.read("category/tops/index.html");
		String second = site.read("category/tops/page/2/index.html");

		assertThat(first).contains("14 products, page 1 of 2")
			.contains("<a href=\"/category/tops/page/2/\">2</a>")
			.doesNotContain("Sold Out Shorts");
		assertThat(countOf(first, "class=\"tile\"")).isEqualTo(SiteGenerator.PAGE_SIZE);
		assertThat(countOf(second, "class=\"tile\"")).isEqualTo(2);
		assertThat(second).contains("<title>Tops for children, page 2 | Little Threads</title>");
		assertThat(Files.exists(output.resolve("category/tops/page/3/index.html"))).isFalse();
		assertThat(site.read("category/bottoms/index.html")).contains("Sold Out Shorts").doesNotContain("page 1 of");
		assertThat(Files.exists(output.resolve("category/dresses/index.html")))
			.as("a category with only a draft product has no page")
			.isFalse();
	}

	@Test
	void categoryPageOffersTheSearchFilteredToItsCategory() {
		// Mustache escapes '=' in attribute values; browsers read &#x3D; as '='.
		assertThat(site.read("category/tops/index.html"))
			.contains("<a href=\"/search/?category&#x3D;tops\">Filter by size, colour and more</a>");
	}

	@Test
	void sitemapListsEveryIndexablePageAndNothingElse() throws IOException {
		Set<String> listed = new HashSet<>();
		Matcher loc = LOC.matcher(site.read("sitemap.xml"));
		while (loc.find()) {
			listed.add(loc.group(1));
		}
		Set<String> indexable = new HashSet<>();
		for (Path page : site.htmlFiles()) {
			if (!Files.readString(page).contains("<meta name=\"robots\" content=\"noindex\">")) {
				indexable.add(GeneratedSite.PUBLIC_URL + site.urlPath(page));
			}
		}
		assertThat(listed).isEqualTo(indexable)
			.contains("https://shop.example/", "https://shop.example/category/tops/page/2/",
					"https://shop.example/products/sunny-tee/", "https://shop.example/search/")
			.doesNotContain("https://shop.example/cart/", "https://shop.example/account/",
					"https://shop.example/404.html");
		assertThat(site.read("robots.txt")).contains("Sitemap: https://shop.example/sitemap.xml")
			.contains("Disallow: /checkout/");
	}

	@Test
	void everyPageHasAUniqueTitleDescriptionAndCanonicalUrl() throws IOException {
		Set<String> titles = new HashSet<>();
		Set<String> descriptions = new HashSet<>();
		for (Path page : site.htmlFiles()) {
			String html = Files.readString(page);
			assertThat(titles.add(between(html, "<title>", "</title>"))).as("title of %s is unique", page).isTrue();
			String description = between(html, "<meta name=\"description\" content=\"", "\"");
			if (!page.toString().contains("checkout")) {
				assertThat(descriptions.add(description)).as("description of %s is unique", page).isTrue();
			}
			assertThat(html)
				.contains("<link rel=\"canonical\" href=\"" + GeneratedSite.PUBLIC_URL + site.urlPath(page) + "\">");
		}
	}

	@Test
	void noInternalLinkIsBroken() throws IOException {
		Deque<String> toVisit = new ArrayDeque<>(List.of("/", "/404.html"));
		Set<String> visited = new HashSet<>();
		List<String> broken = new ArrayList<>();
		while (!toVisit.isEmpty()) {
			String path = toVisit.pop();
			if (!visited.add(path)) {
				continue;
			}
			Path file = site.fileFor(path);
			if (!Files.isRegularFile(file)) {
				broken.add(path);
				continue;
			}
			if (file.toString().endsWith(".html")) {
				for (String link : GeneratedSite.links(Files.readString(file))) {
					// The API (product images) is not part of the site.
					if (link.startsWith("/api/")) {
						continue;
					}
					if (link.startsWith("/") && !link.startsWith("//")) {
						toVisit.push(link.replaceAll("[?#].*$", ""));
					}
					else {
						assertThat(link).as("link %s on %s", link, path).matches("(https://shop\\.example/.*|#main)");
					}
				}
			}
		}
		assertThat(broken).as("broken internal links").isEmpty();
		assertThat(visited).as("the crawl reaches every page")
			.containsAll(site.htmlFiles()
				.stream()
				.map(site::urlPath)
				.filter((path) -> !path.startsWith("/checkout/"))
				.toList());
	}

	@Test
	void fingerprintedAssetNamesMatchTheirContent() throws IOException {
		try (Stream<Path> assets = Files.list(output.resolve("assets"))) {
			// Without the compressed copies (PrecompressedTests).
			List<Path> files = assets.filter((file) -> !file.toString().matches(".*\\.(gz|br)")).toList();
			assertThat(files).hasSize(Assets.SOURCES.size());
			for (Path asset : files) {
				Matcher name = Assets.fingerprint(asset.getFileName().toString());
				assertThat(name.matches()).as(asset.toString()).isTrue();
				assertThat(name.group(2)).as(asset.toString()).isEqualTo(Assets.hash(Files.readAllBytes(asset)));
			}
		}
		String product = site.read("products/sunny-tee/index.html");
		for (String link : GeneratedSite.links(product)) {
			if (link.startsWith("/assets/")) {
				assertThat(Files.exists(site.fileFor(link))).as(link).isTrue();
			}
		}
	}

	@Test
	void everyImageAndAssetAPageLoadsHasAVersionedNameThatStaticHostsKeepForAYear() throws IOException {
		Pattern imageUrl = Pattern.compile("/api/catalog/images/[^\"\\s,]+");
		int images = 0;
		for (Path page : site.htmlFiles()) {
			String html = Files.readString(page);
			Matcher image = imageUrl.matcher(html);
			while (image.find()) {
				images++;
				assertThat(image.group()).as(site.urlPath(page))
					.matches("/api/catalog/images/[a-z]+/[a-z-]+\\." + GeneratedSite.DRAWINGS + "\\.svg");
			}
			for (String link : GeneratedSite.links(html)) {
				if (link.startsWith("/assets/")) {
					assertThat(Assets.fingerprint(link.substring("/assets/".length())).matches())
						.as("%s on %s", link, site.urlPath(page))
						.isTrue();
				}
			}
		}
		assertThat(images).as("tiles, product images, colour choices and structured data").isGreaterThan(50);
		assertThat(Files.readString(Path.of("netlify.toml"))).containsPattern(
				"for = \"/assets/\\*\"\\s+\\[headers.values]\\s+Cache-Control = \"public, max-age=31536000, immutable\"");
	}

	@Test
	void modulesImportEachOtherByFingerprintedName() throws IOException {
		try (Stream<Path> assets = Files.list(output.resolve("assets"))) {
			for (Path module : assets.filter((file) -> file.toString().endsWith(".js")).toList()) {
				Matcher imports = Pattern.compile("from '\\./([^']+)'").matcher(Files.readString(module));
				while (imports.find()) {
					assertThat(Assets.fingerprint(imports.group(1)).matches()).as(imports.group(1)).isTrue();
					assertThat(output.resolve("assets").resolve(imports.group(1))).exists();
				}
			}
		}
	}

	@Test
	void redirectsProxyTheApiToTheConfiguredGateway() {
		assertThat(site.read("_redirects")).contains("/api/*  https://gateway.example/api/:splat  200");
	}

	@Test
	void everyPageIsRevalidatedOnStaticHostsAndAssetsAreLeftToTheirImmutableRule() {
		String headers = site.read("_headers");

		for (Path page : site.htmlFiles()) {
			assertThat(headers).as(site.urlPath(page))
				.contains("\n" + site.urlPath(page) + "\n  Cache-Control: public, max-age=0, must-revalidate\n");
		}
		// A wildcard rule's Cache-Control would be combined with the assets' immutable
		// one.
		assertThat(headers).doesNotContain("/assets/");
		assertThat(everyPageBlock(headers)).doesNotContainIgnoringCase("Cache-Control");
	}

	@Test
	void everyPageGetsTheSecurityHeadersFromHeadersAndNetlifyTomlKeepsNoSecondCopy() throws IOException {
		String everyPage = everyPageBlock(site.read("_headers"));

		assertThat(everyPage).contains("\n  Content-Security-Policy: default-src 'self'; ")
			.contains("script-src 'self';")
			.contains("frame-ancestors 'none'")
			.contains("\n  Permissions-Policy: camera=(), microphone=(), geolocation=()\n")
			.contains("\n  X-Content-Type-Options: nosniff\n")
			.contains("\n  X-Frame-Options: DENY\n")
			.doesNotContain("Strict-Transport-Security");
		assertThat(Files.readString(Path.of("netlify.toml"))).doesNotContainPattern("Content-Security-Policy\\s*=")
			.doesNotContainPattern("Permissions-Policy\\s*=");
	}

	@Test
	void apiBaseGoesOnEveryPageAndOnApiImages(@TempDir Path elsewhere) throws IOException {
		SiteSettings settings = new SiteSettings(null, GeneratedSite.fixtureSeed(), GeneratedSite.DRAWINGS,
				"https://api.example/", GeneratedSite.PUBLIC_URL, "https://gateway.example", elsewhere);
		new SiteGenerator(settings).generate(catalog);

		String page = Files.readString(elsewhere.resolve("products/sunny-tee/index.html"));
		assertThat(page).contains("<html lang=\"en-GB\" data-api=\"https://api.example\">")
			.contains("src=\"https://api.example/api/catalog/images/tops/yellow.0123456789.svg\"");
	}

	/** The {@code /*} rule of a {@code _headers} file: its indented lines. */
	private static String everyPageBlock(String headers) {
		assertThat(headers).contains("\n/*\n");
		String rest = headers.substring(headers.indexOf("\n/*\n") + 4);
		StringBuilder block = new StringBuilder("\n");
		for (String line : rest.split("\n")) {
			if (!line.startsWith("  ")) {
				break;
			}
			block.append(line).append('\n');
		}
		return block.toString();
	}

	private static JsonNode jsonLd(String file) {
		Matcher ld = JSON_LD.matcher(site.read(file));
		assertThat(ld.find()).isTrue();
		return JsonMapper.builder().build().readTree(ld.group(1));
	}

	private static int countOf(String text, String part) {
		return text.split(Pattern.quote(part), -1).length - 1;
	}

	private static String between(String text, String start, String end) {
		int from = text.indexOf(start) + start.length();
		return text.substring(from, text.indexOf(end, from));
	}

}
