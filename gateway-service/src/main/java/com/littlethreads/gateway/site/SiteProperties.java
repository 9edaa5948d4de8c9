package com.littlethreads.gateway.site;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the storefront's files are.
 *
 * @param dir the directory static-site generated (its {@code target/site}); empty: the
 * gateway serves no site
 */
@ConfigurationProperties("littlethreads.site")
public record SiteProperties(String dir) {

	public SiteProperties {
		dir = (dir != null) ? dir.strip() : "";
	}

}
