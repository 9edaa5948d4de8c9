package com.littlethreads.catalog.product;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A product as stored. Never bound from or written to HTTP directly: requests and views
 * are records of their own. Products are listed from memory (see {@link ActiveProducts}),
 * so the store is only asked for a product by slug or SKU, and its indexes serve those
 * and the admin list.
 */
@Document("products")
@CompoundIndex(name = "createdAt", def = "{'createdAt': -1}")
@CompoundIndex(name = "sku", def = "{'variants.sku': 1}", unique = true)
public class Product {

	@Id
	private String id;

	@Indexed(name = "slug", unique = true)
	private String slug;

	private String name;

	private String description;

	private Category category;

	private Gender gender;

	private Set<Season> seasons = new LinkedHashSet<>();

	private String material;

	private List<String> care = new ArrayList<>();

	private Money price;

	private List<Image> images = new ArrayList<>();

	private ProductStatus status = ProductStatus.DRAFT;

	private boolean featured;

	private List<Variant> variants = new ArrayList<>();

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private Long version;

	/**
	 * Counts every change to the document, stock included (unlike {@link #version}, which
	 * guards an editor's changes only), so that a reader learning of changes out of order
	 * keeps the newest.
	 */
	private long rev;

	public String getId() {
		return this.id;
	}

	public String getSlug() {
		return this.slug;
	}

	public void setSlug(String slug) {
		this.slug = slug;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public Category getCategory() {
		return this.category;
	}

	public void setCategory(Category category) {
		this.category = category;
	}

	public Gender getGender() {
		return this.gender;
	}

	public void setGender(Gender gender) {
		this.gender = gender;
	}

	public Set<Season> getSeasons() {
		return this.seasons;
	}

	public void setSeasons(Set<Season> seasons) {
		this.seasons = new LinkedHashSet<>(seasons);
	}

	public String getMaterial() {
		return this.material;
	}

	public void setMaterial(String material) {
		this.material = material;
	}

	public List<String> getCare() {
		return this.care;
	}

	public void setCare(List<String> care) {
		this.care = new ArrayList<>(care);
	}

	public Money getPrice() {
		return this.price;
	}

	public void setPrice(Money price) {
		this.price = price;
	}

	public List<Image> getImages() {
		return this.images;
	}

	public void setImages(List<Image> images) {
		this.images = new ArrayList<>(images);
	}

	public ProductStatus getStatus() {
		return this.status;
	}

	public void setStatus(ProductStatus status) {
		this.status = status;
	}

	public boolean isFeatured() {
		return this.featured;
	}

	public void setFeatured(boolean featured) {
		this.featured = featured;
	}

	public List<Variant> getVariants() {
		return this.variants;
	}

	public void setVariants(List<Variant> variants) {
		this.variants = new ArrayList<>(variants);
	}

	public Optional<Variant> variant(String sku) {
		return this.variants.stream().filter((variant) -> variant.sku().equals(sku)).findFirst();
	}

	public boolean inStock() {
		return this.variants.stream().anyMatch(Variant::inStock);
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public void setCreatedAt(Instant createdAt) {
		this.createdAt = createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public void setUpdatedAt(Instant updatedAt) {
		this.updatedAt = updatedAt;
	}

	public Long getVersion() {
		return this.version;
	}

	public long getRev() {
		return this.rev;
	}

}
