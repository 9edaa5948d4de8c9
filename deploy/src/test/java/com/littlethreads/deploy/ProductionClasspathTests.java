package com.littlethreads.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What production runs lacks the embedded development store (mongo-java-server on H2,
 * module platform-dev-store): only the services' tests and {@code ./run.sh} add it. A
 * production service without a MongoDB fails at start saying so, rather than quietly
 * keeping its data in a file inside a container. The images are checked too, by
 * {@link ImageTests}, when the build makes them.
 * <p>
 * The jars exist once the services' {@code package} phase has run, which
 * {@code ./mvnw test} never reaches: the tests that open them are tagged {@code packaged}
 * and run in {@code verify} (failsafe), never on a stale jar.
 */
class ProductionClasspathTests {

	/** A jar of the embedded store, under any directory. */
	static final Predicate<String> EMBEDDED_STORE = Pattern
		.compile("(^|/)(mongo-java-server-[^/]*|h2-[0-9][^/]*|platform-dev-store-[^/]*)\\.jar$")
		.asPredicate();

	static Stream<String> modules() {
		return Stream.concat(WorkloadPolicyTests.SERVICES.stream(), Stream.of("stripe-emulator"));
	}

	@Test
	void theDockerfilesImageTakesOnlyTheStartUpArchiveFromTheStageThatUsedTheDevelopmentStore() throws IOException {
		String dockerfile = Files.readString(Manifests.repositoryRoot().resolve("Dockerfile"));
		// The image is the last stage; the train stage before it runs the service once on
		// the development store to make the start-up archive.
		String image = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
		assertThat(image).doesNotContain("dev-store").contains("COPY --from=train /app/app.jsa /app/app.jsa");
		assertThat(image.lines().filter((line) -> line.startsWith("COPY --from=train")))
			.containsExactly("COPY --from=train /app/app.jsa /app/app.jsa");
	}

	@Tag("packaged")
	@ParameterizedTest
	@MethodSource("modules")
	void aServicesRunnableJarHoldsNoEmbeddedStore(String module) throws IOException {
		List<String> libraries = libraries(module);
		assertThat(libraries).as("%s's BOOT-INF/lib", module)
			.anySatisfy((library) -> assertThat(library).contains("spring-boot-"))
			.noneMatch(EMBEDDED_STORE);
	}

	@Tag("packaged")
	@ParameterizedTest
	@MethodSource("modules")
	void theServicesThatUseMongoDbHaveItsDriver(String module) throws IOException {
		if (!module.equals("gateway-service") && !module.equals("stripe-emulator")) {
			assertThat(libraries(module)).as("%s's BOOT-INF/lib", module)
				.anySatisfy((library) -> assertThat(library).contains("mongodb-driver-sync-"));
		}
	}

	private static List<String> libraries(String module) throws IOException {
		Path jar = Manifests.repositoryRoot()
			.resolve(module)
			.resolve("target")
			.resolve(module + "-" + System.getProperty("project.version") + ".jar");
		assertThat(jar).as("%s's runnable jar (deploy depends on %s, so the build packages it first)", module, module)
			.exists();
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			return Collections.list(zip.entries())
				.stream()
				.map(ZipEntry::getName)
				.filter((name) -> name.startsWith("BOOT-INF/lib/"))
				.toList();
		}
	}

}
