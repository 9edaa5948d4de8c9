package com.littlethreads.user.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.nimbusds.jose.jwk.RSAKey;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.util.StringUtils;

/**
 * The private keys this instance is given: {@code users.tokens.signing-key}
 * ({@code JWT_SIGNING_KEY}) and {@code users.tokens.signing-key-location}
 * ({@code JWT_SIGNING_KEY_LOCATION}): one PEM file, or a directory whose every
 * {@code *.pem} file is a key, as a mounted Kubernetes Secret with several keys is. The
 * location is read again at every refresh of the key ring, so a key added to a mounted
 * Secret is picked up without a restart.
 */
final class ConfiguredSigningKeys {

	private final String inline;

	private final String location;

	ConfiguredSigningKeys(TokenProperties properties) {
		this.inline = properties.signingKey();
		this.location = properties.signingKeyLocation();
	}

	boolean any() {
		return StringUtils.hasText(this.inline) || StringUtils.hasText(this.location);
	}

	List<RSAKey> read() {
		List<RSAKey> keys = new ArrayList<>();
		if (StringUtils.hasText(this.inline)) {
			keys.add(RsaKeys.fromPrivatePem(this.inline, "JWT_SIGNING_KEY"));
		}
		if (StringUtils.hasText(this.location)) {
			for (Resource resource : resources(this.location)) {
				keys.add(RsaKeys.fromPrivatePem(content(resource), resource.getDescription()));
			}
		}
		return keys;
	}

	private static List<Resource> resources(String location) {
		if (location.startsWith("classpath:") || location.startsWith("file:")) {
			return List.of(new DefaultResourceLoader().getResource(location));
		}
		Path path = Path.of(location);
		if (!Files.isDirectory(path)) {
			return List.of(new org.springframework.core.io.FileSystemResource(path));
		}
		// A mounted Secret also holds its own bookkeeping (..data and timestamped
		// directories, all hidden); its keys are the visible *.pem entries.
		try (Stream<Path> entries = Files.list(path)) {
			return entries.filter((entry) -> !entry.getFileName().toString().startsWith("."))
				.filter((entry) -> entry.getFileName().toString().endsWith(".pem"))
				.filter(Files::isRegularFile)
				.sorted()
				.map((entry) -> (Resource) new org.springframework.core.io.FileSystemResource(entry))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the signing keys in " + location, ex);
		}
	}

	private static String content(Resource resource) {
		try {
			return resource.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the signing key from " + resource.getDescription(), ex);
		}
	}

}
