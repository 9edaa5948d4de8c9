package com.littlethreads.gateway.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.entry;

class SiteHeadersTests {

	@TempDir
	Path site;

	@Test
	void onlyTheEveryPageRuleIsRead() throws IOException {
		Files.writeString(this.site.resolve("_headers"), """
				# comment
				/index.html
				  Cache-Control: public, max-age=0, must-revalidate
				/*
				  Content-Security-Policy: default-src 'self'
				  # a comment inside
				  Permissions-Policy: camera=()
				/assets/*
				  Cache-Control: immutable
				""");

		assertThat(SiteHeaders.everyPage(this.site)).containsExactly(
				entry("Content-Security-Policy", "default-src 'self'"), entry("Permissions-Policy", "camera=()"));
	}

	@Test
	void aSiteWithoutAContentSecurityPolicyIsRefused() throws IOException {
		Files.writeString(this.site.resolve("_headers"), "/*\n  X-Frame-Options: DENY\n");

		assertThatIllegalStateException().isThrownBy(() -> SiteHeaders.everyPage(this.site))
			.withMessageContaining("Content-Security-Policy");
	}

	@Test
	void aSiteWithoutHeadersIsRefused() {
		assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> SiteHeaders.everyPage(this.site))
			.withMessageContaining("static-site");
	}

	@Test
	void aLineThatIsNoHeaderIsRefused() throws IOException {
		Files.writeString(this.site.resolve("_headers"),
				"/*\n  Content-Security-Policy: default-src 'self'\n  not a header\n");

		assertThatIllegalStateException().isThrownBy(() -> SiteHeaders.everyPage(this.site))
			.withMessageContaining("not a header");
	}

}
