package com.littlethreads.catalog.product;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.littlethreads.catalog.CatalogProperties;
import com.littlethreads.catalog.product.ProductRequests.NewProductRequest;
import com.littlethreads.catalog.product.ProductRequests.ProductUpdateRequest;
import com.littlethreads.catalog.product.ProductRequests.VariantRequest;
import com.littlethreads.catalog.product.ProductRequests.VariantUpdateRequest;
import com.littlethreads.platform.problem.Problems;

/**
 * Creating and editing products (role ADMIN). Edits quote the version they read; a stale
 * version gets 409 instead of silently overwriting someone else's change.
 */
@RestController
@RequestMapping("/api/catalog/admin/products")
@Tag(name = "Admin")
class ProductAdminController {

	private final ProductRepository products;

	private final CatalogProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ProductAdminController(ProductRepository products, CatalogProperties properties, ApplicationEventPublisher events,
			Clock clock) {
		this.products = products;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "Every product in any status, newest first")
	List<AdminProductView> list(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(100) int pageSize) {
		return this.products.findAll(PageRequest.of(page, pageSize, Sort.by(Sort.Direction.DESC, "createdAt")))
			.map(AdminProductView::of)
			.getContent();
	}

	@GetMapping("/{slug}")
	@Operation(summary = "A product in any status, with stock and version")
	AdminProductView get(@PathVariable String slug) {
		return AdminProductView.of(find(slug));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a product (a draft unless a status is given)")
	ResponseEntity<AdminProductView> create(@Valid @RequestBody NewProductRequest request) {
		requireShopCurrency(request.price().currency());
		List<Variant> variants = request.variants().stream().map(VariantRequest::toVariant).toList();
		requireDistinct(variants);
		if (this.products.existsBySlug(request.slug())) {
			throw CatalogProblems.duplicate("A product with slug '%s' already exists.".formatted(request.slug()));
		}
		for (Variant variant : variants) {
			requireUnusedSku(variant.sku());
		}
		Instant now = this.clock.instant();
		Product product = new Product();
		product.setSlug(request.slug());
		product.setName(request.name());
		product.setDescription(request.description());
		product.setCategory(request.category());
		product.setGender(request.gender());
		product.setSeasons(request.seasons());
		product.setMaterial(request.material());
		product.setCare(request.care());
		product.setPrice(request.price().toMoney());
		product.setStatus((request.status() != null) ? request.status() : ProductStatus.DRAFT);
		product.setFeatured(Boolean.TRUE.equals(request.featured()));
		product.setVariants(variants);
		product.setImages((request.images() != null && !request.images().isEmpty())
				? request.images().stream().map(ProductRequests.ImageRequest::toImage).toList()
				: drawnImages(request.category(), request.name(), variants));
		product.setCreatedAt(now);
		product.setUpdatedAt(now);
		Product created = this.products.insert(product);
		this.events.publishEvent(new ProductChanged(created.getSlug()));
		return ResponseEntity.created(URI.create("/api/catalog/admin/products/" + created.getSlug()))
			.body(AdminProductView.of(created));
	}

	@PutMapping("/{slug}")
	@Operation(summary = "Replace a product's details (not its slug or variants)")
	AdminProductView update(@PathVariable String slug, @Valid @RequestBody ProductUpdateRequest request) {
		requireShopCurrency(request.price().currency());
		Update update = new Update().set("name", request.name())
			.set("description", request.description())
			.set("category", request.category())
			.set("gender", request.gender())
			.set("seasons", request.seasons())
			.set("material", request.material())
			.set("care", request.care())
			.set("price", request.price().toMoney())
			.set("status", request.status())
			.set("featured", request.featured());
		if (request.images() != null) {
			update.set("images", request.images().stream().map(ProductRequests.ImageRequest::toImage).toList());
		}
		return changed(this.products.edit(slug, request.version(), update));
	}

	@PostMapping("/{slug}/archive")
	@Operation(summary = "Archive a product: it disappears from the storefront, its data stays")
	AdminProductView archive(@PathVariable String slug) {
		Product product = find(slug);
		if (product.getStatus() == ProductStatus.ARCHIVED) {
			return AdminProductView.of(product);
		}
		return changed(
				this.products.edit(slug, product.getVersion(), new Update().set("status", ProductStatus.ARCHIVED)));
	}

	@PostMapping("/{slug}/variants")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a size and colour to a product")
	ResponseEntity<AdminProductView> addVariant(@PathVariable String slug, @Valid @RequestBody VariantRequest request) {
		Product product = find(slug);
		Variant variant = request.toVariant();
		List<Variant> variants = new ArrayList<>(product.getVariants());
		variants.add(variant);
		requireDistinct(variants);
		requireUnusedSku(variant.sku());
		Product changed = this.products.edit(slug, product.getVersion(), new Update().push("variants", variant));
		return ResponseEntity.created(URI.create("/api/catalog/admin/products/" + slug)).body(changed(changed));
	}

	@PutMapping("/{slug}/variants/{sku}")
	@Operation(summary = "Change a variant's size or colour (its SKU and stock stay)")
	AdminProductView updateVariant(@PathVariable String slug, @PathVariable String sku,
			@Valid @RequestBody VariantUpdateRequest request) {
		Product product = find(slug);
		Variant current = product.variant(sku).orElseThrow(() -> CatalogProblems.variantNotFound(slug, sku));
		List<Variant> variants = new ArrayList<>(product.getVariants());
		variants.set(variants.indexOf(current), new Variant(sku, request.size(), request.colour(), current.stock()));
		requireDistinct(variants);
		Update update = new Update().set("variants.$[variant].size", request.size())
			.set("variants.$[variant].colour", request.colour());
		return changed(this.products.editVariant(slug, sku, request.version(), update));
	}

	private Product find(String slug) {
		return this.products.findBySlug(slug).orElseThrow(() -> CatalogProblems.productNotFound(slug));
	}

	private AdminProductView changed(Product product) {
		this.events.publishEvent(new ProductChanged(product.getSlug()));
		return AdminProductView.of(product);
	}

	private void requireShopCurrency(String currency) {
		if (!this.properties.currency().equals(currency)) {
			throw Problems.invalidField("price.currency",
					"must be %s, the currency the shop sells in".formatted(this.properties.currency()));
		}
	}

	private void requireUnusedSku(String sku) {
		if (this.products.existsByVariantsSku(sku)) {
			throw CatalogProblems.duplicate("SKU '%s' is already used by a product.".formatted(sku));
		}
	}

	private static void requireDistinct(List<Variant> variants) {
		Set<String> skus = new HashSet<>();
		Set<String> sizeAndColour = new HashSet<>();
		for (Variant variant : variants) {
			if (!skus.add(variant.sku())) {
				throw CatalogProblems.duplicate("SKU '%s' appears twice.".formatted(variant.sku()));
			}
			if (!sizeAndColour.add(variant.size() + "/" + variant.colour())) {
				throw CatalogProblems.duplicate("There is already a %s variant in %s.".formatted(variant.size(),
						variant.colour().replace('-', ' ')));
			}
		}
	}

	static List<Image> drawnImages(Category category, String name, List<Variant> variants) {
		return ProductView.colours(variants).stream().map((colour) -> Image.drawn(category, colour, name)).toList();
	}

}
