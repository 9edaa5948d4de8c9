package com.littlethreads.catalog;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The catalog's structure: feature packages that do not tangle, a product package the
 * others build on, and no reaching into other services.
 */
@AnalyzeClasses(packages = "com.littlethreads.catalog", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule featurePackagesAreFreeOfCycles = slices().matching("com.littlethreads.catalog.(*)..")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule productDependsOnNoOtherFeature = noClasses().that()
		.resideInAPackage("com.littlethreads.catalog.product..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("com.littlethreads.catalog.search..", "com.littlethreads.catalog.category..",
				"com.littlethreads.catalog.image..", "com.littlethreads.catalog.seed..",
				"com.littlethreads.catalog.inventory..", "com.littlethreads.catalog.sitebuild..");

	@ArchTest
	static final ArchRule inventoryBuildsOnProductsOnly = noClasses().that()
		.resideInAPackage("com.littlethreads.catalog.inventory..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("com.littlethreads.catalog.search..", "com.littlethreads.catalog.category..",
				"com.littlethreads.catalog.image..", "com.littlethreads.catalog.seed..");

	@ArchTest
	static final ArchRule nothingReachesIntoInventory = noClasses().that()
		.resideOutsideOfPackage("com.littlethreads.catalog.inventory..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("com.littlethreads.catalog.inventory..");

	/**
	 * Shoppers' reads (listings, facets, search, categories, product pages, availability,
	 * variants) are answered from the in-memory catalog; none may go to the store.
	 */
	@ArchTest
	static final ArchRule shoppersAreAnsweredFromMemory = noClasses().that()
		.resideInAnyPackage("com.littlethreads.catalog.search..", "com.littlethreads.catalog.category..")
		.or()
		.haveFullyQualifiedName("com.littlethreads.catalog.product.ProductController")
		.or()
		.haveFullyQualifiedName("com.littlethreads.catalog.product.VariantController")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.data..", "com.mongodb..", "org.bson..")
		.orShould()
		.dependOnClassesThat()
		.haveFullyQualifiedName("com.littlethreads.catalog.product.ProductRepository");

	/**
	 * Stock moves, holds and their repair are inventory's: the product package keeps a
	 * variant's units on hand as data, and never takes, holds or gives them back.
	 */
	@ArchTest
	static final ArchRule onlyInventoryPublishesStockMoves = noClasses().that()
		.resideOutsideOfPackage("com.littlethreads.catalog.inventory..")
		.should()
		.callConstructor(com.littlethreads.catalog.product.StockChanged.class, String.class, String.class);

	@ArchTest
	static final ArchRule catalogDependsOnNoOtherService = noClasses().that()
		.resideInAPackage("com.littlethreads.catalog..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("com.littlethreads.gateway..", "com.littlethreads.user..", "com.littlethreads.payment..");

	@ArchTest
	static final ArchRule controllersAreNotPublic = classes().that()
		.areAnnotatedWith(RestController.class)
		.should()
		.notBePublic();

}
