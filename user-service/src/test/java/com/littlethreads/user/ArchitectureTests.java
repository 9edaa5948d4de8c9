package com.littlethreads.user;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * user-service's structure: feature packages that do not tangle (accounts announce
 * password changes and deletions as events instead of calling sign-in), and no other
 * service's code.
 */
@AnalyzeClasses(packages = "com.littlethreads.user", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule featurePackagesAreFreeOfCycles = slices().matching("com.littlethreads.user.(*)..")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule accountsDoNotReachIntoSignIn = noClasses().that()
		.resideInAPackage("com.littlethreads.user.account..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("com.littlethreads.user.auth..", "com.littlethreads.user.client..");

	@ArchTest
	static final ArchRule noOtherServiceCode = noClasses().that()
		.resideInAPackage("com.littlethreads.user..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("com.littlethreads.catalog..", "com.littlethreads.gateway..",
				"com.littlethreads.payment..");

	@ArchTest
	static final ArchRule controllersAreNotPublic = classes().that()
		.areAnnotatedWith(RestController.class)
		.should()
		.notBePublic();

}
