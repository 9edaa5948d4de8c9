package com.littlethreads.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.littlethreads.deploy.Rendered.Workload;
import io.kubernetes.client.openapi.models.V1Container;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manifests name exactly the images the build makes: Jib ({@code ./mvnw -Pimages})
 * and the Dockerfile through docker-compose both call a module's image
 * {@code <registry><repository>/<module>:<tag>}, littlethreads/<module>:local by default.
 * With the images built, each image archive is opened and checked against the manifests
 * too.
 */
class ImageTests {

	/**
	 * The user the images run as (the Dockerfile's and Jib's), which runAsUser must name.
	 */
	static final long IMAGE_USER = 10001;

	/** The modules that make an image, and the overlays that run each. */
	private static final List<String> SERVICES = WorkloadPolicyTests.SERVICES;

	private static final String EMULATOR = "stripe-emulator";

	/**
	 * The log format the images select: Spring Boot's ecs document, from platform-core,
	 * which every image must therefore carry.
	 */
	private static final String ECS_FORMAT = "com.littlethreads.platform.core.logging.EcsLogFormatter";

	@Test
	void theLocalOverlayRunsTheImagesADefaultBuildMakes() {
		Set<String> expected = new TreeSet<>();
		for (String module : modules()) {
			expected.add(name("", module, defaultProperty("image.tag")));
		}
		assertThat(ownImages(Manifests.render("local"))).isEqualTo(expected);
	}

	@Test
	void productionRunsTheServicesImagesOfOneReleaseFromOneRegistry() {
		Set<String> images = ownImages(Manifests.render("production"));
		assertThat(images).hasSameSizeAs(SERVICES);
		String any = images.iterator().next();
		String registry = any.substring(0, any.indexOf(defaultProperty("image.repository") + "/"));
		String tag = tag(any);
		assertThat(registry).as("production's registry").endsWith("/");
		assertThat(tag).as("production's tag").isNotIn("local", "latest");
		Set<String> expected = new TreeSet<>();
		for (String service : SERVICES) {
			expected.add(name(registry, service, tag));
		}
		assertThat(images).as("what ./mvnw -Pimages -Dimage.registry=%s -Dimage.tag=%s makes", registry, tag)
			.isEqualTo(expected);
	}

	@Test
	void dockerComposeBuildsTheSameNamesFromTheOneDockerfile() throws IOException {
		String compose = Files.readString(Manifests.repositoryRoot().resolve("docker-compose.yml"));
		for (String module : modules()) {
			assertThat(compose).contains("image: " + defaultProperty("image.repository") + "/" + module
					+ ":${LITTLETHREADS_IMAGE_TAG:-" + defaultProperty("image.tag") + "}");
		}
		String dockerfile = Files.readString(Manifests.repositoryRoot().resolve("Dockerfile"));
		assertThat(dockerfile).contains("--uid " + IMAGE_USER, "USER " + IMAGE_USER + ":" + IMAGE_USER);
	}

	@Test
	@EnabledIfSystemProperty(named = "images.built", matches = "true",
			disabledReason = "the images are built with ./mvnw -Pimages, and on CI (CI=true)")
	void everyImageTheBuildMadeIsOneAnOverlayRuns() throws IOException {
		Set<String> local = ownImages(Manifests.render("local"));
		Set<String> production = ownImages(Manifests.render("production"));
		for (String module : modules()) {
			Path target = Manifests.repositoryRoot().resolve(module).resolve("target");
			Path description = target.resolve("jib-image.json");
			assertThat(description).as("%s's image (Jib's buildTar writes it)", module).exists();
			String image = JsonParser.parseString(Files.readString(description))
				.getAsJsonObject()
				.get("image")
				.getAsString();
			assertThat(image).as("the build's own name for %s's image", module)
				.isEqualTo(name(property("image.registry"), module, property("image.tag")));
			if (SERVICES.contains(module)) {
				assertThat(image).as("an image an overlay runs").isIn(union(local, production));
			}
			else {
				assertThat(image).as("an image an overlay runs").isIn(local);
			}
			checkArchive(module, image, target.resolve("jib-image.tar"));
		}
	}

	private void checkArchive(String module, String image, Path archive) throws IOException {
		Map<String, byte[]> entries;
		try (InputStream in = Files.newInputStream(archive)) {
			entries = Tar.read(in, (name) -> name.endsWith(".json"));
		}
		JsonArray manifest = JsonParser.parseString(new String(entries.get("manifest.json"), StandardCharsets.UTF_8))
			.getAsJsonArray();
		JsonObject only = manifest.get(0).getAsJsonObject();
		assertThat(only.getAsJsonArray("RepoTags").toString()).as("tags in %s", archive).contains(image);
		JsonObject config = JsonParser
			.parseString(new String(entries.get(only.get("Config").getAsString()), StandardCharsets.UTF_8))
			.getAsJsonObject()
			.getAsJsonObject("config");
		assertThat(config.get("User").getAsString()).isEqualTo(IMAGE_USER + ":" + IMAGE_USER);
		assertThat(config.get("WorkingDir").getAsString()).isEqualTo("/app");
		List<String> environment = config.getAsJsonArray("Env")
			.asList()
			.stream()
			.map(JsonElement::getAsString)
			.toList();
		// JSON logs (with trace, span and request ids) wherever the image runs.
		assertThat(environment)
			.contains("SPRING_PROFILES_ACTIVE=docker", "LOGGING_STRUCTURED_FORMAT_CONSOLE=" + ECS_FORMAT)
			.anySatisfy((variable) -> assertThat(variable).startsWith("JAVA_TOOL_OPTIONS=")
				.contains("-XX:MaxRAMPercentage=50", "-Djava.io.tmpdir=/tmp"));
		assertThat(config.getAsJsonArray("Entrypoint").get(0).getAsString()).isEqualTo("java");
		Set<String> files = layerFiles(archive, only);
		assertThat(files).as("%s's image", module)
			.anySatisfy((file) -> assertThat(file).startsWith("app/libs/"))
			.anySatisfy((file) -> assertThat(file).startsWith("app/libs/platform-core-"))
			.noneMatch(ProductionClasspathTests.EMBEDDED_STORE);
		if (module.equals("gateway-service")) {
			assertThat(files).as("the storefront in the gateway's image").contains("app/site/index.html");
		}
	}

	private static Set<String> layerFiles(Path archive, JsonObject manifest) throws IOException {
		Set<String> layers = new TreeSet<>();
		manifest.getAsJsonArray("Layers").forEach((layer) -> layers.add(layer.getAsString()));
		Map<String, byte[]> blobs;
		try (InputStream in = Files.newInputStream(archive)) {
			blobs = Tar.read(in, layers::contains);
		}
		Set<String> files = new TreeSet<>();
		for (String layer : layers) {
			try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(blobs.get(layer)))) {
				files.addAll(Tar.read(in, (name) -> false).keySet());
			}
		}
		return files;
	}

	private static Set<String> union(Set<String> a, Set<String> b) {
		Set<String> union = new TreeSet<>(a);
		union.addAll(b);
		return union;
	}

	private static List<String> modules() {
		return java.util.stream.Stream.concat(SERVICES.stream(), java.util.stream.Stream.of(EMULATOR)).toList();
	}

	/** The images of Little Threads' own modules that an overlay runs. */
	private static Set<String> ownImages(Rendered rendered) {
		Set<String> images = new TreeSet<>();
		for (Workload workload : rendered.workloads()) {
			for (V1Container container : workload.containers()) {
				if (container.getImage().contains(defaultProperty("image.repository") + "/")) {
					images.add(container.getImage());
				}
			}
		}
		return images;
	}

	static String name(String registry, String module, String tag) {
		return registry + defaultProperty("image.repository") + "/" + module + ":" + tag;
	}

	/**
	 * An image reference's tag: what follows the last colon of its last path segment.
	 * @param image an image reference
	 * @return its tag, empty if it has none
	 */
	static String tag(String image) {
		String last = image.substring(image.lastIndexOf('/') + 1);
		int at = last.indexOf('@');
		if (at >= 0) {
			return last.substring(at + 1);
		}
		int colon = last.lastIndexOf(':');
		return (colon >= 0) ? last.substring(colon + 1) : "";
	}

	/** The value this build was run with (-D overrides the POM). */
	private static String property(String name) {
		String value = System.getProperty(name);
		return (value != null) ? value : defaultProperty(name);
	}

	/** The value the parent POM gives a property: what a plain build uses. */
	static String defaultProperty(String name) {
		try {
			String pom = Files.readString(Manifests.repositoryRoot().resolve("pom.xml"));
			Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</" + Pattern.quote(name) + ">")
				.matcher(pom);
			if (matcher.find()) {
				return matcher.group(1).trim();
			}
			if (pom.contains("<" + name + "/>") || pom.contains("<" + name + "></" + name + ">")) {
				return "";
			}
			throw new AssertionError("pom.xml has no property " + name);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
