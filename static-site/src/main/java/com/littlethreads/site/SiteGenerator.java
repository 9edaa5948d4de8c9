package com.littlethreads.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders the whole storefront into one directory: pages, fingerprinted assets,
 * {@code sitemap.xml}, {@code robots.txt} and {@code _redirects}, and a compressed copy
 * of each text file ({@link Precompressed}). Only active products get a page; drafts and
 * archived products appear nowhere.
 */
public final class SiteGenerator {

	/** Products per category page. */
	static final int PAGE_SIZE = 12;

	/** How many pages either side of the current one the pager links. */
	static final int PAGER_NEIGHBOURS = 2;

	private static final int HOME_TILES = 8;

	/**
	 * Tiles the search page shows while its results load: the first screen's worth on a
	 * phone (two columns) or a desktop, so the results take their places instead of
	 * pushing anything.
	 */
	static final int SEARCH_PLACEHOLDERS = 8;

	private static final Locale LOCALE = Locale.UK;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final SiteSettings settings;

	private final Mustache.Compiler mustache;

	private final Map<String, Template> templates = new HashMap<>();

	private final List<String> sitemap = new ArrayList<>();

	private final List<String> pages = new ArrayList<>();

	private Map<String, String> assets;

	private List<Catalog.Category> categories;

	public SiteGenerator(SiteSettings settings) {
		this.settings = settings;
		this.mustache = Mustache.compiler().withLoader(SiteGenerator::template);
	}

	public static void main(String[] args) {
		SiteSettings settings = SiteSettings.fromArguments(args, System::getenv);
		Catalog catalog = (settings.catalogUrl() != null) ? Catalog.fromApi(settings.catalogUrl())
				: Catalog.fromSeed(settings.seed(), settings.drawingsVersion());
		new SiteGenerator(settings).generate(catalog);
		System.out.println("Storefront with " + catalog.active().size() + " products written to "
				+ settings.output().toAbsolutePath());
	}

	/**
	 * Writes the site for a catalog, replacing whatever the output directory held.
	 * @param catalog the catalog
	 */
	public void generate(Catalog catalog) {
		writeFiles(catalog);
		try {
			Precompressed.write(this.settings.output());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Writes the site without its compressed copies, which take most of a build's time
	 * (Brotli at its best setting): for tests of the pages of a large catalog.
	 * @param catalog the catalog
	 */
	void writeFiles(Catalog catalog) {
		try {
			clean(this.settings.output());
			Files.createDirectories(this.settings.output());
			this.assets = Assets.write(this.settings.output());
			this.categories = catalog.categories();
			List<CatalogProduct> active = catalog.active();
			home(active);
			for (Catalog.Category category : this.categories) {
				categoryPages(category,
						active.stream().filter((product) -> product.category().equals(category.value())).toList());
			}
			for (CatalogProduct product : active) {
				productPage(product);
			}
			writePage("/search/",
					page("/search/", "search", "Search | Little Threads",
							"Search Little Threads children's clothing by size, colour, category and price.", true,
							Map.of("placeholders", Collections.nCopies(SEARCH_PLACEHOLDERS, true)), null, null, null,
							"search.js"));
			simplePage("/cart/", "cart", "Your cart | Little Threads", "The items in your Little Threads cart.", false,
					"cart-page.js");
			simplePage("/account/sign-in/", "sign-in", "Sign in | Little Threads",
					"Sign in to your Little Threads account or create one.", false, "sign-in.js");
			simplePage("/account/", "account", "Your account | Little Threads",
					"Your Little Threads orders and addresses.", false, "account.js");
			simplePage("/checkout/success/", "checkout-success", "Thank you | Little Threads",
					"Your Little Threads order.", false, "checkout-result.js");
			simplePage("/checkout/cancel/", "checkout-cancel", "Checkout cancelled | Little Threads",
					"Your Little Threads checkout was cancelled.", false, "checkout-result.js");
			write("404.html", page("/404.html", "not-found", "Page not found | Little Threads",
					"This page does not exist.", false, Map.of(), null, null, null));
			writeSitemap();
			write("robots.txt", """
					User-agent: *
					Disallow: /cart/
					Disallow: /account/
					Disallow: /checkout/

					Sitemap: %s/sitemap.xml
					""".formatted(this.settings.publicUrl()));
			writeHeaders();
			write("_redirects", """
					# Static hosts with Netlify-style rules: the API is proxied to the gateway, so the
					# pages call it on their own origin (no CORS, and the refresh cookie stays first-party).
					/api/*  %s/api/:splat  200
					""".formatted(this.settings.gatewayUrl()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void home(List<CatalogProduct> active) throws IOException {
		Map<String, Object> model = new HashMap<>();
		List<Map<String, Object>> categoryLinks = new ArrayList<>();
		for (Catalog.Category category : this.categories) {
			long count = active.stream().filter((product) -> product.category().equals(category.value())).count();
			categoryLinks
				.add(Map.of("href", categoryPath(category.value(), 1), "label", category.label(), "count", count));
		}
		model.put("categoryLinks", categoryLinks);
		model.put("featured", tiles(active.stream().filter(CatalogProduct::featured).limit(HOME_TILES).toList(), 4));
		model.put("newest", tiles(active.stream().limit(HOME_TILES).toList(), 0));
		writePage("/", page("/", "home", "Little Threads | Children's clothing, newborn to 14 years",
				"Soft, sturdy children's clothes made to be played in: tops, dresses, outerwear, sleepwear and more, "
						+ "from newborn to 14 years.",
				true, model, null, null, null));
	}

	private void categoryPages(Catalog.Category category, List<CatalogProduct> products) throws IOException {
		int pageCount = Math.max(1, (products.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		for (int number = 1; number <= pageCount; number++) {
			Map<String, Object> model = new HashMap<>();
			model.put("label", category.label());
			model.put("filterHref", "/search/?category=" + category.value());
			model.put("total", products.size());
			model.put("pageNumber", number);
			model.put("pageCount", pageCount);
			model.put("multiplePages", pageCount > 1);
			model.put("pages", pager(category.value(), number, pageCount));
			model.put("products", tiles(
					products.subList((number - 1) * PAGE_SIZE, Math.min(products.size(), number * PAGE_SIZE)), 4));
			String suffix = (number > 1) ? ", page " + number : "";
			String path = categoryPath(category.value(), number);
			writePage(path,
					page(path, "category", category.label() + " for children" + suffix + " | Little Threads",
							"Children's " + category.label().toLowerCase(LOCALE) + " at Little Threads: "
									+ products.size() + " styles in sizes from newborn to 14 years" + suffix + ".",
							true, model, category.value(), null, null));
		}
	}

	/**
	 * The page links of one category page: the first and last pages, and this page's
	 * neighbours, with a gap where pages are left out. A category of thousands of
	 * products has hundreds of pages; linking every one from every page would make each
	 * page grow with the category (and the site with its square).
	 */
	static List<Map<String, Object>> pager(String category, int number, int pageCount) {
		List<Map<String, Object>> links = new ArrayList<>();
		int previous = 0;
		for (int other = 1; other <= pageCount; other++) {
			boolean shown = other == 1 || other == pageCount || Math.abs(other - number) <= PAGER_NEIGHBOURS;
			if (!shown) {
				continue;
			}
			if (other > previous + 1) {
				links.add(Map.of("gap", true));
			}
			links.add(Map.of("gap", false, "number", other, "href", categoryPath(category, other), "current",
					other == number));
			previous = other;
		}
		return links;
	}

	private void productPage(CatalogProduct product) throws IOException {
		String path = productPath(product.slug());
		Map<String, Object> model = new HashMap<>();
		model.put("slug", product.slug());
		model.put("name", product.name());
		model.put("description", product.description());
		model.put("material", product.material());
		model.put("care", product.care());
		model.put("price", formatMoney(product.price()));
		model.put("amount", product.price().amount());
		model.put("currency", product.price().currency());
		model.put("categoryHref", categoryPath(product.category(), 1));
		model.put("categoryLabel", categoryLabel(product.category()));
		CatalogProduct.Image main = product.images().isEmpty() ? null : product.images().get(0);
		model.put("image", (main != null) ? image(main) : null);
		List<Map<String, Object>> colours = new ArrayList<>();
		List<String> productColours = product.colours();
		for (int i = 0; i < productColours.size(); i++) {
			String colour = productColours.get(i);
			CatalogProduct.Image image = (i < product.images().size()) ? product.images().get(i) : main;
			String label = colour.replace('-', ' ');
			colours.add(Map.of("value", colour, "label", label.substring(0, 1).toUpperCase(LOCALE) + label.substring(1),
					"first", i == 0, "image", (image != null) ? imageSrc(image.url()) : "", "alt",
					(image != null) ? image.alt() : ""));
		}
		model.put("colours", colours);
		model.put("sizes", product.sizes());
		model.put("variantsJson", scriptJson(product.variants()));
		String description = product.description().length() > 155
				? product.description().substring(0, product.description().lastIndexOf(' ', 152)) + "…"
				: product.description();
		writePage(path,
				page(path, "product", product.name() + " | " + categoryLabel(product.category()) + " | Little Threads",
						description, true, model, product.category(), jsonLd(product, path),
						(main != null) ? absolute(imageSrc(main.url())) : null, "product.js"));
	}

	private void simplePage(String path, String template, String title, String description, boolean indexable,
			String script) throws IOException {
		writePage(path, page(path, template, title, description, indexable, Map.of(), null, null, null, script));
	}

	private String page(String path, String template, String title, String description, boolean indexable,
			Map<String, Object> model, String currentCategory, String jsonLd, String ogImage, String... scripts) {
		Map<String, Object> layout = new HashMap<>();
		layout.put("apiBase", this.settings.apiBase());
		layout.put("title", title);
		layout.put("description", description);
		layout.put("noindex", !indexable);
		layout.put("canonical", this.settings.publicUrl() + path);
		layout.put("ogType", "product".equals(template) ? "product" : "website");
		layout.put("ogImage", ogImage);
		layout.put("icon", this.assets.get("icon.svg"));
		layout.put("css", this.assets.get("site.css"));
		List<String> pageScripts = new ArrayList<>();
		pageScripts.add(this.assets.get("site.js"));
		Stream.of(scripts).filter((script) -> script != null).map(this.assets::get).forEach(pageScripts::add);
		layout.put("scripts", pageScripts);
		layout.put("jsonLd", jsonLd);
		layout.put("page", template);
		layout.put("categories",
				this.categories.stream()
					.map((category) -> Map.of("href", categoryPath(category.value(), 1), "label", category.label(),
							"current", category.value().equals(currentCategory)))
					.toList());
		layout.put("body", render(template, model));
		this.pages.add(path);
		if (indexable) {
			this.sitemap.add(this.settings.publicUrl() + path);
		}
		return render("layout", layout);
	}

	private List<Map<String, Object>> tiles(List<CatalogProduct> products, int eager) {
		List<Map<String, Object>> tiles = new ArrayList<>();
		for (int i = 0; i < products.size(); i++) {
			CatalogProduct product = products.get(i);
			Map<String, Object> tile = new HashMap<>();
			tile.put("href", productPath(product.slug()));
			tile.put("name", product.name());
			tile.put("price", formatMoney(product.price()));
			tile.put("image", product.images().isEmpty() ? null : image(product.images().get(0)));
			tile.put("lazy", i >= eager);
			tiles.add(tile);
		}
		return tiles;
	}

	private Map<String, Object> image(CatalogProduct.Image image) {
		return Map.of("src", imageSrc(image.url()), "alt", image.alt(), "width", image.width(), "height",
				image.height());
	}

	/** API-served images are fetched from wherever the API is. */
	private String imageSrc(String url) {
		return url.startsWith("/api/") ? this.settings.apiBase() + url : url;
	}

	private String absolute(String url) {
		return url.startsWith("/") ? this.settings.publicUrl() + url : url;
	}

	private String jsonLd(CatalogProduct product, String path) {
		Map<String, Object> offer = new LinkedHashMap<>();
		offer.put("@type", "Offer");
		offer.put("url", this.settings.publicUrl() + path);
		offer.put("price", decimalPrice(product.price()));
		offer.put("priceCurrency", product.price().currency());
		offer.put("availability", product.inStock() ? "https://schema.org/InStock" : "https://schema.org/OutOfStock");
		offer.put("itemCondition", "https://schema.org/NewCondition");
		Map<String, Object> ld = new LinkedHashMap<>();
		ld.put("@context", "https://schema.org");
		ld.put("@type", "Product");
		ld.put("name", product.name());
		ld.put("description", product.description());
		ld.put("sku", product.slug());
		ld.put("category", categoryLabel(product.category()));
		ld.put("material", product.material());
		ld.put("color", String.join(", ", product.colours()));
		ld.put("brand", Map.of("@type", "Brand", "name", "Little Threads"));
		ld.put("image", product.images().stream().map((image) -> absolute(imageSrc(image.url()))).toList());
		ld.put("offers", offer);
		return scriptJson(ld);
	}

	/** JSON safe inside a script element: no "</script" can end it early. */
	private static String scriptJson(Object value) {
		return JSON.writeValueAsString(value).replace("<", "\\u003c");
	}

	static String decimalPrice(CatalogProduct.Money money) {
		int digits = Currency.getInstance(money.currency()).getDefaultFractionDigits();
		return BigDecimal.valueOf(money.amount()).movePointLeft(Math.max(digits, 0)).toPlainString();
	}

	/**
	 * A price as shoppers read it, such as £14.00; the same as the pages' scripts format
	 * it with {@code Intl.NumberFormat('en-GB', ...)}.
	 * @param money the price
	 * @return the formatted price
	 */
	static String formatMoney(CatalogProduct.Money money) {
		Currency currency = Currency.getInstance(money.currency());
		NumberFormat format = NumberFormat.getCurrencyInstance(LOCALE);
		format.setCurrency(currency);
		format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
		format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
		return format.format(new BigDecimal(decimalPrice(money)));
	}

	private String categoryLabel(String value) {
		return this.categories.stream()
			.filter((category) -> category.value().equals(value))
			.map(Catalog.Category::label)
			.findFirst()
			.orElse(value);
	}

	static String categoryPath(String category, int page) {
		return "/category/" + category + "/" + ((page > 1) ? "page/" + page + "/" : "");
	}

	static String productPath(String slug) {
		return "/products/" + slug + "/";
	}

	private void writePage(String path, String html) throws IOException {
		write(path.substring(1) + "index.html", html);
	}

	private void write(String file, String content) throws IOException {
		Path target = this.settings.output().resolve(file);
		Files.createDirectories(target.getParent());
		Files.writeString(target, content, StandardCharsets.UTF_8);
	}

	private void writeSitemap() throws IOException {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
				+ "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
		for (String url : this.sitemap) {
			xml.append("<url><loc>").append(url.replace("&", "&amp;")).append("</loc></url>\n");
		}
		write("sitemap.xml", xml.append("</urlset>\n").toString());
	}

	/**
	 * Netlify-style {@code _headers}: first the security headers of every page (the
	 * {@code security-headers} resource, under {@code /*}), then every page, by its exact
	 * path, revalidated on every use. Exact paths for Cache-Control, because a wildcard
	 * rule's Cache-Control would be combined with the immutable one netlify.toml gives
	 * {@code /assets/*}; the {@code /*} block carries no Cache-Control for that reason.
	 */
	private void writeHeaders() throws IOException {
		StringBuilder headers = new StringBuilder(
				"# Generated by static-site. The gateway serving this directory sends the /* headers too.\n/*\n");
		for (String header : securityHeaders()) {
			headers.append("  ").append(header).append('\n');
		}
		headers.append("# Pages keep their address across deploys, so they are always revalidated.\n");
		List<String> paths = new ArrayList<>(this.pages);
		paths.addAll(List.of("/sitemap.xml", "/robots.txt"));
		for (String path : paths) {
			headers.append(path).append("\n  Cache-Control: public, max-age=0, must-revalidate\n");
		}
		write("_headers", headers.toString());
	}

	/**
	 * The {@code Name: value} lines of the {@code security-headers} resource.
	 */
	static List<String> securityHeaders() throws IOException {
		try (InputStream in = SiteGenerator.class.getResourceAsStream("/security-headers")) {
			if (in == null) {
				throw new IllegalStateException("security-headers is missing from the classpath");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.toList();
		}
	}

	private String render(String name, Object model) {
		return this.templates.computeIfAbsent(name, (key) -> {
			try (Reader reader = template(key)) {
				return this.mustache.compile(reader);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}).execute(model);
	}

	private static Reader template(String name) {
		InputStream in = SiteGenerator.class.getResourceAsStream("/templates/" + name + ".mustache");
		if (in == null) {
			throw new IllegalStateException("Missing template " + name);
		}
		return new InputStreamReader(in, StandardCharsets.UTF_8);
	}

	private static void clean(Path output) throws IOException {
		if (!Files.exists(output)) {
			return;
		}
		try (Stream<Path> files = Files.walk(output)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
	}

}
