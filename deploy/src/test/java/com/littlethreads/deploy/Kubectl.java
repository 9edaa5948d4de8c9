package com.littlethreads.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Renders kustomizations with {@code kubectl kustomize}, the only kubectl command these
 * tests run: it reads files and nothing else (no cluster, no kubeconfig; any other
 * kubectl command without a kubeconfig would try a server on localhost:8080).
 * <p>
 * The manifests use kustomize v5 syntax (labels, components), which kubectl embeds from
 * 1.27 on. Debian's own kubernetes-client package is 1.20: with it, or with no kubectl at
 * all, every test fails at once with a message that says so rather than with a confusing
 * kustomize error.
 */
final class Kubectl {

	static final int MINIMUM_MINOR_VERSION = 27;

	private static String version;

	private Kubectl() {
	}

	/**
	 * The kubectl found on the PATH, checked once: {@code v1.32.4 (kustomize v5.5.0)}.
	 * @return its version
	 */
	static synchronized String requireSuitable() {
		if (version == null) {
			String output;
			try {
				output = run(List.of("kubectl", "version", "--client", "-o", "json"));
			}
			catch (IllegalStateException ex) {
				throw new IllegalStateException(
						missing("kubectl is not on the PATH or does not run: " + ex.getMessage()), ex);
			}
			JsonObject json = JsonParser.parseString(output).getAsJsonObject();
			JsonObject client = json.getAsJsonObject("clientVersion");
			int major = Integer.parseInt(client.get("major").getAsString().replaceAll("\\D", ""));
			int minor = Integer.parseInt(client.get("minor").getAsString().replaceAll("\\D", ""));
			String kustomize = json.has("kustomizeVersion") ? json.get("kustomizeVersion").getAsString() : "none";
			if (major != 1 || minor < MINIMUM_MINOR_VERSION || !kustomize.startsWith("v5")) {
				throw new IllegalStateException(missing("kubectl " + client.get("gitVersion").getAsString()
						+ " with kustomize " + kustomize + " is too old"));
			}
			version = client.get("gitVersion").getAsString() + " (kustomize " + kustomize + ")";
		}
		return version;
	}

	/**
	 * {@code kubectl kustomize <directory>}.
	 * @param directory a kustomization
	 * @return the rendered YAML stream
	 */
	static String kustomize(Path directory) {
		requireSuitable();
		return run(List.of("kubectl", "kustomize", directory.toString()));
	}

	private static String missing(String what) {
		return what + ". The Kubernetes manifests need kubectl 1." + MINIMUM_MINOR_VERSION
				+ " or newer (kustomize v5) to render; this project's machines ship kubectl 1.32 at /usr/bin/kubectl"
				+ " (Debian's kubernetes-client package is 1.20, too old).";
	}

	private static String run(List<String> command) {
		try {
			Path errors = Files.createTempFile("kubectl", ".err");
			try {
				Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
				process.getOutputStream().close();
				byte[] out = process.getInputStream().readAllBytes();
				if (!process.waitFor(120, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					throw new IllegalStateException(String.join(" ", command) + " did not finish in 2 minutes");
				}
				if (process.exitValue() != 0) {
					throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue()
							+ "): " + Files.readString(errors, StandardCharsets.UTF_8).strip());
				}
				return new String(out, StandardCharsets.UTF_8);
			}
			finally {
				Files.deleteIfExists(errors);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(String.join(" ", command) + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
