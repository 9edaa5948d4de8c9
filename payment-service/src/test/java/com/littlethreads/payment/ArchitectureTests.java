package com.littlethreads.payment;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * payment-service's structure: feature packages without cycles, orders independent of the
 * ways outcomes reach them, and no reaching into other services.
 */
@AnalyzeClasses(packages = "com.littlethreads.payment", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule featurePackagesAreFreeOfCycles = slices().matching("com.littlethreads.payment.(*)..")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule ordersDoNotKnowWhoReportsOutcomes = noClasses().that()
		.resideInAPackage("com.littlethreads.payment.order..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("com.littlethreads.payment.checkout..", "com.littlethreads.payment.webhook..",
				"com.littlethreads.payment.reconciliation..", "com.littlethreads.payment.admin..");

	@ArchTest
	static final ArchRule paymentDependsOnNoOtherService = noClasses().that()
		.resideInAPackage("com.littlethreads.payment..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("com.littlethreads.gateway..", "com.littlethreads.user..", "com.littlethreads.catalog..");

	@ArchTest
	static final ArchRule controllersAreNotPublic = classes().that()
		.areAnnotatedWith(RestController.class)
		.should()
		.notBePublic();

}
