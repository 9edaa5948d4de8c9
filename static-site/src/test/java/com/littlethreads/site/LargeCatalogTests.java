package com.littlethreads.site;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A catalog large enough for categories of hundreds of pages: every category page still
 * shows one page of products, and links a bounded handful of pages (the first, the last
 * and its neighbours), so no page grows with its category. The pages are checked without
 * their compressed copies, which would take most of this test's time for 1,800 product
 * pages ({@link PrecompressedTests} checks those).
 */
class LargeCatalogTests {

	private static final int TOPS = 1_500;

	private static final Pattern PAGE_LINK = Pattern.compile("<a href=\"/category/tops/(?:page/(\\d+)/)?\"");

	@TempDir
	static Path output;

	static GeneratedSite site;

	@BeforeAll
	static void generate() {
		List<CatalogProduct> products = new ArrayList<>();
		for (int i = 0; i < TOPS + 300; i++) {
			String category = (i < TOPS) ? "tops" : "dresses";
			String slug = category + "-" + i;
			products
				.add(new CatalogProduct(slug, "Generated " + category + " " + i, "Made for a large catalog.", category,
						"unisex", "cotton", List.of("Machine wash at 30°C"), new CatalogProduct.Money(1200, "GBP"),
						"active", false, List.of(new CatalogProduct.Variant("LT-" + i + "-RED-4T", "4T", "red")),
						List.of(CatalogProduct.Image.drawn(category, "red", "Generated " + i, GeneratedSite.DRAWINGS)),
						true));
		}
		Catalog catalog = new Catalog(products,
				List.of(new Catalog.Category("tops", "Tops"), new Catalog.Category("dresses", "Dresses")));
		new SiteGenerator(new SiteSettings(null, Path.of("unused.json"), GeneratedSite.DRAWINGS, "",
				GeneratedSite.PUBLIC_URL, GeneratedSite.PUBLIC_URL, output))
			.writeFiles(catalog);
		site = new GeneratedSite(output);
	}

	@Test
	void everyCategoryPageShowsOnePageOfProductsAndEveryProductIsOnOne() {
		int pages = (TOPS + SiteGenerator.PAGE_SIZE - 1) / SiteGenerator.PAGE_SIZE;
		int tiles = 0;
		for (int number = 1; number <= pages; number++) {
			String page = site
				.read((number == 1) ? "category/tops/index.html" : "category/tops/page/" + number + "/index.html");
			int onPage = page.split("class=\"tile\"", -1).length - 1;
			assertThat(onPage).as("page %d", number).isBetween(1, SiteGenerator.PAGE_SIZE);
			tiles += onPage;
		}
		assertThat(tiles).isEqualTo(TOPS);
		assertThat(Files.exists(output.resolve("category/tops/page/" + (pages + 1) + "/index.html"))).isFalse();
	}

	@Test
	void eachPageLinksTheFirstTheLastAndItsNeighboursOnly() {
		String middle = site.read("category/tops/page/60/index.html");

		assertThat(pageLinks(middle)).containsExactly(1, 58, 59, 60, 61, 62, 125);
		assertThat(middle).contains("<a href=\"/category/tops/page/60/\" aria-current=\"page\">60</a>")
			.contains("<li aria-hidden=\"true\">…</li>");
		assertThat(pageLinks(site.read("category/tops/index.html"))).containsExactly(1, 2, 3, 125);
		assertThat(pageLinks(site.read("category/tops/page/125/index.html"))).containsExactly(1, 123, 124, 125);
	}

	@Test
	void thePagerOfTenThousandProductsInOneCategoryStaysSmall() {
		List<Map<String, Object>> pager = SiteGenerator.pager("tops", 400, 834);

		assertThat(pager).hasSize(9);
		assertThat(pager).filteredOn((link) -> !(Boolean) link.get("gap"))
			.extracting((link) -> link.get("number"))
			.containsExactly(1, 398, 399, 400, 401, 402, 834);
	}

	private static List<Integer> pageLinks(String html) {
		int start = html.indexOf("<nav aria-label=\"Pages\"");
		String nav = html.substring(start, html.indexOf("</nav>", start));
		List<Integer> numbers = new ArrayList<>();
		Matcher link = PAGE_LINK.matcher(nav);
		while (link.find()) {
			numbers.add((link.group(1) != null) ? Integer.parseInt(link.group(1)) : 1);
		}
		return numbers;
	}

}
