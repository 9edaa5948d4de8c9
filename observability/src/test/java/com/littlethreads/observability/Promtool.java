package com.littlethreads.observability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs Debian's {@code promtool} (package {@code prometheus}; {@code .ci/run} installs
 * it). A developer's machine without it skips the checks; CI ({@code CI=true}) fails
 * instead, so they never pass there by being left out.
 */
final class Promtool {

	private Promtool() {
	}

	/**
	 * Runs {@code promtool} with the arguments in {@code directory}.
	 * @param directory where to run it
	 * @param arguments its arguments
	 * @return what it printed
	 */
	static Result run(Path directory, String... arguments) throws IOException, InterruptedException {
		String promtool = locate();
		List<String> command = new ArrayList<>();
		command.add(promtool);
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("promtool finished").isTrue();
		return new Result(process.exitValue(), output);
	}

	private static String locate() {
		for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
			Path candidate = Path.of(directory, "promtool");
			if (Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		if ("true".equals(System.getenv("CI"))) {
			fail("promtool is not on the PATH; CI needs it (apt-get install prometheus, see .ci/run)");
		}
		assumeTrue(false, "promtool is not installed (apt-get install prometheus); skipped outside CI");
		return null;
	}

	record Result(int exitCode, String output) {

	}

}
