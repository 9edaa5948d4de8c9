package com.littlethreads.catalog.generator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import com.littlethreads.catalog.product.Category;
import com.littlethreads.catalog.product.Gender;
import com.littlethreads.catalog.product.Image;
import com.littlethreads.catalog.product.Money;
import com.littlethreads.catalog.product.Product;
import com.littlethreads.catalog.product.ProductStatus;
import com.littlethreads.catalog.product.Season;
import com.littlethreads.catalog.product.Size;
import com.littlethreads.catalog.product.Variant;

/**
 * Makes up children's-clothing products that look like the sample catalog's: garments of
 * every category cut for the right ages, prints and colours from the palette the drawn
 * images know, prices by kind of garment, two or three colours in a run of sizes, and
 * stock that is sometimes gone. The same seed always makes the same catalog, so a
 * benchmark can be rerun on identical data.
 */
final class GeneratedProducts {

	private static final List<Size> BABY = List.of(Size.M0_3, Size.M3_6, Size.M6_12, Size.M12_18, Size.M18_24);

	private static final List<Size> TODDLER = List.of(Size.M18_24, Size.T2, Size.T3, Size.T4, Size.Y5, Size.Y6);

	private static final List<Size> CHILD = List.of(Size.T3, Size.T4, Size.Y5, Size.Y6, Size.Y7, Size.Y8, Size.Y9,
			Size.Y10, Size.Y11, Size.Y12, Size.Y13, Size.Y14);

	private static final List<String> COLOURS = List.of("red", "navy", "blue", "sky", "green", "sage", "yellow",
			"mustard", "orange", "pink", "dusty-pink", "lilac", "purple", "white", "cream", "grey", "charcoal", "black",
			"brown", "oatmeal", "teal", "coral", "mint");

	private static final List<String> PRINTS = List.of("Rainbow Stripe", "Breton Stripe", "Dinosaur Print",
			"Star Print", "Floral", "Ditsy Floral", "Polka Dot", "Rocket Print", "Unicorn", "Heart Print",
			"Leopard Spot", "Camo", "Colour Block", "Gingham", "Tie-Dye", "Space Print", "Whale Print", "Bee Print",
			"Fox Print", "Cloud Print", "Lightning Bolt", "Dachshund Print", "Strawberry Print", "Tractor Print",
			"Shark Print", "Butterfly Print", "Planet Print", "Lemon Print", "Paint Splash", "Check");

	private static final List<String> ADJECTIVES = List.of("Everyday", "Cosy", "Classic", "Relaxed", "Ribbed",
			"Organic Cotton", "Soft Touch", "Adventure", "Weekend", "Playground", "Garden Party", "Seaside",
			"Embroidered", "Reversible", "Waffle Knit", "Scalloped", "Frill Trim", "Glow in the Dark", "Recycled",
			"Brushed Cotton");

	private static final List<Garment> GARMENTS = List.of(
			new Garment(Category.TOPS, "Tee", null, summer(), "100% organic cotton jersey", 800, 1800, CHILD),
			new Garment(Category.TOPS, "Long Sleeve Top", null, allYear(), "100% cotton jersey", 1000, 2000, CHILD),
			new Garment(Category.TOPS, "Polo Shirt", null, summer(), "100% cotton piqué", 1200, 2000, CHILD),
			new Garment(Category.TOPS, "Hoodie", null, winter(), "100% cotton loopback jersey", 1600, 2800, CHILD),
			new Garment(Category.TOPS, "Sweatshirt", null, winter(), "80% cotton, 20% recycled polyester", 1400, 2400,
					CHILD),
			new Garment(Category.TOPS, "Cardigan", null, winter(), "100% cotton knit", 1800, 3000, TODDLER),
			new Garment(Category.TOPS, "Blouse", Gender.GIRLS, summer(), "100% cotton poplin", 1400, 2200, CHILD),
			new Garment(Category.TOPS, "Oxford Shirt", Gender.BOYS, allYear(), "100% cotton oxford", 1600, 2400, CHILD),
			new Garment(Category.TOPS, "Bodysuit", Gender.UNISEX, allYear(), "100% organic cotton", 700, 1400, BABY),
			new Garment(Category.BOTTOMS, "Joggers", null, allYear(), "100% cotton loopback jersey", 1100, 1800, CHILD),
			new Garment(Category.BOTTOMS, "Leggings", Gender.GIRLS, allYear(), "95% cotton, 5% elastane", 700, 1200,
					CHILD),
			new Garment(Category.BOTTOMS, "Jeans", null, allYear(), "98% cotton denim, 2% elastane", 1600, 2600, CHILD),
			new Garment(Category.BOTTOMS, "Cord Trousers", null, winter(), "100% cotton needlecord", 1600, 2400, CHILD),
			new Garment(Category.BOTTOMS, "Shorts", null, summer(), "100% cotton twill", 900, 1600, CHILD),
			new Garment(Category.BOTTOMS, "Cargo Trousers", Gender.BOYS, allYear(), "100% cotton ripstop", 1800, 2600,
					CHILD),
			new Garment(Category.BOTTOMS, "Skirt", Gender.GIRLS, summer(), "100% cotton", 1200, 2000, CHILD),
			new Garment(Category.BOTTOMS, "Dungarees", null, allYear(), "100% cotton corduroy", 2200, 3000, TODDLER),
			new Garment(Category.BOTTOMS, "Harem Trousers", Gender.UNISEX, allYear(), "100% organic cotton", 900, 1400,
					BABY),
			new Garment(Category.DRESSES, "Party Dress", Gender.GIRLS, allYear(), "100% polyester tulle", 2600, 4200,
					CHILD),
			new Garment(Category.DRESSES, "Pinafore Dress", Gender.GIRLS, winter(), "100% cotton corduroy", 2000, 2800,
					TODDLER),
			new Garment(Category.DRESSES, "Jersey Dress", Gender.GIRLS, allYear(), "100% cotton jersey", 1600, 2400,
					CHILD),
			new Garment(Category.DRESSES, "Smock Dress", Gender.GIRLS, summer(), "100% cotton", 2000, 3000, TODDLER),
			new Garment(Category.DRESSES, "Tea Dress", Gender.GIRLS, summer(), "100% viscose", 2200, 3200, CHILD),
			new Garment(Category.DRESSES, "Jumper Dress", Gender.GIRLS, winter(), "50% wool, 50% acrylic", 2600, 3600,
					CHILD),
			new Garment(Category.DRESSES, "Sundress", Gender.GIRLS, summer(), "100% cotton poplin", 1600, 2600, CHILD),
			new Garment(Category.OUTERWEAR, "Puffer Jacket", null, winter(), "100% recycled polyester", 3600, 5600,
					CHILD),
			new Garment(Category.OUTERWEAR, "Raincoat", null, spring(), "100% polyester with PU coating", 2600, 3800,
					CHILD),
			new Garment(Category.OUTERWEAR, "Duffle Coat", null, winter(), "60% wool, 40% polyester", 4600, 6400,
					CHILD),
			new Garment(Category.OUTERWEAR, "Gilet", null, spring(), "100% recycled polyester", 2400, 3400, CHILD),
			new Garment(Category.OUTERWEAR, "Pramsuit", Gender.UNISEX, winter(), "100% polyester fleece", 2800, 4200,
					BABY),
			new Garment(Category.OUTERWEAR, "Denim Jacket", null, spring(), "100% cotton denim", 2800, 3800, CHILD),
			new Garment(Category.OUTERWEAR, "Puddle Suit", Gender.UNISEX, spring(), "100% polyester with PU coating",
					2600, 3400, TODDLER),
			new Garment(Category.SLEEPWEAR, "Pyjama Set", null, allYear(), "100% cotton jersey", 1400, 2200, CHILD),
			new Garment(Category.SLEEPWEAR, "Sleepsuit", Gender.UNISEX, allYear(), "100% organic cotton", 1000, 1600,
					BABY),
			new Garment(Category.SLEEPWEAR, "Sleeping Bag 2.5 Tog", Gender.UNISEX, winter(), "100% organic cotton",
					2800, 3800, BABY),
			new Garment(Category.SLEEPWEAR, "Nightdress", Gender.GIRLS, summer(), "100% cotton", 1200, 1800, CHILD),
			new Garment(Category.SLEEPWEAR, "Dressing Gown", null, winter(), "100% polyester fleece", 2000, 2800,
					CHILD),
			new Garment(Category.SLEEPWEAR, "Shorty Pyjamas", null, summer(), "100% cotton jersey", 1200, 1800, CHILD),
			new Garment(Category.SWIMWEAR, "Swim Shorts", Gender.BOYS, summer(), "100% recycled polyester", 1000, 1600,
					CHILD),
			new Garment(Category.SWIMWEAR, "Rash Vest", null, summer(), "80% recycled polyamide, 20% elastane", 1400,
					2000, CHILD),
			new Garment(Category.SWIMWEAR, "Swimsuit", Gender.GIRLS, summer(), "80% recycled polyamide, 20% elastane",
					1400, 2200, CHILD),
			new Garment(Category.SWIMWEAR, "Sun Suit", Gender.UNISEX, summer(), "100% recycled polyester (UPF 50+)",
					1600, 2200, BABY),
			new Garment(Category.SWIMWEAR, "Towelling Poncho", null, summer(), "100% cotton terry towelling", 1800,
					2400, TODDLER),
			new Garment(Category.ACCESSORIES, "Sun Hat", null, summer(), "100% cotton (UPF 50+)", 800, 1200, CHILD),
			new Garment(Category.ACCESSORIES, "Bobble Hat", null, winter(), "100% acrylic", 700, 1100, CHILD),
			new Garment(Category.ACCESSORIES, "Mittens", null, winter(), "100% polyester fleece", 600, 900, TODDLER),
			new Garment(Category.ACCESSORIES, "Scarf", null, winter(), "100% acrylic", 800, 1200, CHILD),
			new Garment(Category.ACCESSORIES, "Socks Three Pack", null, allYear(),
					"80% cotton, 18% polyamide, 2% " + "elastane", 600, 900, CHILD),
			new Garment(Category.ACCESSORIES, "Tights", Gender.GIRLS, winter(), "80% cotton, 20% polyamide", 700, 1000,
					CHILD),
			new Garment(Category.ACCESSORIES, "Baseball Cap", null, summer(), "100% cotton twill", 800, 1100, CHILD),
			new Garment(Category.ACCESSORIES, "Soft Sole Shoes", Gender.UNISEX, allYear(), "100% leather", 1600, 2200,
					BABY));

	private static final List<String> FEATURES = List.of("roomy pockets for treasures", "a soft brushed inside",
			"flat seams that never rub", "an easy pull-on waist", "poppers all the way down for quick changes",
			"a tag-free neck", "reinforced knees for crawling and climbing", "a hood lined in cosy jersey",
			"a little embroidered patch on the chest", "cuffs that turn back as they grow",
			"reflective details for dark afternoons", "a relaxed fit with room to move");

	private static final List<String> ENDINGS = List.of("Made to be played in, washed and handed down.",
			"Pairs nicely with everything else in the drawer.", "Tough enough for the park, soft enough for a nap.",
			"A favourite from the first wear.", "Easy for small hands to put on by themselves.",
			"Designed in our studio and tested by real children.");

	private static final List<String> CARE = List.of("Machine wash at 30°C", "Wash with similar colours",
			"Do not tumble dry", "Cool iron if needed", "Wash inside out", "Do not bleach", "Reshape while damp");

	private final Random random;

	private final Instant newest;

	GeneratedProducts(long seed, Instant newest) {
		this.random = new Random(seed);
		this.newest = newest;
	}

	/**
	 * The {@code index}-th product, newest first: call with 0, 1, 2... in order, since
	 * each product draws from the same random sequence.
	 * @param index the product's number
	 * @param currency the shop's currency
	 * @return the product, not yet stored
	 */
	Product next(int index, String currency) {
		Garment garment = pick(GARMENTS);
		String print = (this.random.nextInt(10) < 7) ? pick(PRINTS) : null;
		String adjective = (print == null || this.random.nextInt(4) == 0) ? pick(ADJECTIVES) : null;
		String name = join(adjective, print, garment.noun());
		String number = "%05d".formatted(index + 1);
		Gender gender = (garment.gender() != null) ? garment.gender() : pick(List.of(Gender.values()));
		List<String> colours = distinct(COLOURS, 1 + this.random.nextInt(3));
		List<Size> sizes = run(garment.sizes(), 3 + this.random.nextInt(4));
		boolean soldOut = this.random.nextInt(40) == 0;
		List<Variant> variants = new ArrayList<>();
		for (String colour : colours) {
			for (Size size : sizes) {
				int stock = (soldOut || this.random.nextInt(7) == 0) ? 0 : 1 + this.random.nextInt(40);
				variants.add(new Variant("LT-G" + number + "-" + colour.toUpperCase(Locale.ROOT) + "-" + size.value(),
						size, colour, stock));
			}
		}
		Instant createdAt = this.newest.minus(Duration.ofMinutes(37L * index));
		Product product = new Product();
		product.setSlug(name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-" + number);
		product.setName(name);
		product.setDescription(description(garment, print, colours));
		product.setCategory(garment.category());
		product.setGender(gender);
		product.setSeasons(garment.seasons());
		product.setMaterial(garment.material());
		product.setCare(distinct(CARE, 2 + this.random.nextInt(3)));
		product.setPrice(new Money(price(garment), currency));
		product.setStatus(status());
		product.setFeatured(this.random.nextInt(50) == 0);
		product.setVariants(variants);
		product.setImages(colours.stream().map((colour) -> Image.drawn(garment.category(), colour, name)).toList());
		product.setCreatedAt(createdAt);
		product.setUpdatedAt(createdAt);
		return product;
	}

	private String description(Garment garment, String print, List<String> colours) {
		String noun = garment.noun().toLowerCase(Locale.ROOT);
		List<String> names = colours.stream().map((colour) -> colour.replace('-', ' ')).toList();
		String look = (print != null) ? "with an all-over " + print.toLowerCase(Locale.ROOT) : (names.size() == 1)
				? "in " + names.get(0)
				: "in " + String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
		return "A %s %s %s, made from %s. It has %s. %s".formatted(pick(List.of("soft", "sturdy", "cheerful", "comfy")),
				noun, look, garment.material().replace("100% ", ""), pick(FEATURES), pick(ENDINGS));
	}

	private long price(Garment garment) {
		long steps = (garment.maxPrice() - garment.minPrice()) / 50;
		long amount = garment.minPrice() + 50 * this.random.nextLong(steps + 1);
		// About one price in five ends in 99, as shops price.
		return (this.random.nextInt(5) == 0) ? amount - 1 : amount;
	}

	private ProductStatus status() {
		int roll = this.random.nextInt(100);
		return (roll < 96) ? ProductStatus.ACTIVE : (roll < 99) ? ProductStatus.DRAFT : ProductStatus.ARCHIVED;
	}

	private <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	private <T> List<T> distinct(List<T> values, int count) {
		Set<T> picked = new LinkedHashSet<>();
		while (picked.size() < count) {
			picked.add(pick(values));
		}
		return List.copyOf(picked);
	}

	private List<Size> run(List<Size> band, int length) {
		int size = Math.min(length, band.size());
		int start = this.random.nextInt(band.size() - size + 1);
		return band.subList(start, start + size);
	}

	private static String join(String... words) {
		StringBuilder joined = new StringBuilder();
		for (String word : words) {
			if (word != null) {
				joined.append(joined.isEmpty() ? "" : " ").append(word);
			}
		}
		return joined.toString();
	}

	private static Set<Season> summer() {
		return EnumSet.of(Season.SPRING, Season.SUMMER);
	}

	private static Set<Season> spring() {
		return EnumSet.of(Season.SPRING, Season.AUTUMN);
	}

	private static Set<Season> winter() {
		return EnumSet.of(Season.AUTUMN, Season.WINTER);
	}

	private static Set<Season> allYear() {
		return EnumSet.allOf(Season.class);
	}

	/**
	 * A kind of garment and what goes with it.
	 *
	 * @param category its category
	 * @param noun what it is called
	 * @param gender who it is always cut for, or {@code null} for any
	 * @param seasons the seasons it suits
	 * @param material what it is made of
	 * @param minPrice the lowest price in minor units
	 * @param maxPrice the highest price in minor units
	 * @param sizes the size band it comes in
	 */
	record Garment(Category category, String noun, Gender gender, Set<Season> seasons, String material, long minPrice,
			long maxPrice, List<Size> sizes) {

	}

}
