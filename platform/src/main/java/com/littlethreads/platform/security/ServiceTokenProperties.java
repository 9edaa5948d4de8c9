package com.littlethreads.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How service-to-service tokens are recognised. They come from the same issuer and JWKS
 * as user access tokens; what tells them apart is their audience and their {@code typ}.
 *
 * @param serviceAudience the {@code aud} every service token must name, and user access
 * tokens never do
 */
@ConfigurationProperties("littlethreads.security")
public record ServiceTokenProperties(@DefaultValue("little-threads-internal") String serviceAudience) {

}
