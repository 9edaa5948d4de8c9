package com.littlethreads.platform.input;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How large a request body a service accepts.
 *
 * @param maxBodySize the largest body (environment variable
 * {@code MAX_REQUEST_BODY_SIZE}). 256 KB is about ten times the largest body any of our
 * operations needs (a product with 100 variants, 12 images and a 4,000-character
 * description, every character escaped) and keeps what 200 request threads can hold in
 * memory at once near 50 MB
 * @param maxParameterLength the most characters a query or form parameter value or a path
 * variable may have; longer ones are refused with 400 {@code invalid-parameter}. Far
 * above any value an operation reads (slugs, SKUs, search text, page numbers). Every
 * service's OpenAPI document gives it as the {@code maxLength} of parameters without one
 * @param paths paths that take larger bodies than that, such as a webhook whose sender
 * decides the size
 */
@ConfigurationProperties("littlethreads.limits")
public record RequestLimitProperties(@DefaultValue("256KB") DataSize maxBodySize,
		@DefaultValue("1000") int maxParameterLength, List<PathLimit> paths) {

	public RequestLimitProperties {
		paths = (paths != null) ? List.copyOf(paths) : List.of();
	}

	/**
	 * A path with its own body limit.
	 *
	 * @param pattern the path, or a Spring path pattern such as {@code /api/hooks/**}
	 * @param maxBodySize the largest body it accepts
	 */
	public record PathLimit(String pattern, DataSize maxBodySize) {

	}

}
