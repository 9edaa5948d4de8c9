package com.littlethreads.catalog.sitebuild;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The site's build hook.
 *
 * @param url where to POST when the site should rebuild; empty turns the hook off
 * @param debounce the quiet period after the last change before the hook is called, so a
 * burst of edits costs one build
 * @param timeout how long one call may take
 */
@ConfigurationProperties("catalog.build-hook")
record BuildHookProperties(String url, @DefaultValue("60s") Duration debounce, @DefaultValue("10s") Duration timeout) {

	boolean enabled() {
		return this.url != null && !this.url.isBlank();
	}

}
