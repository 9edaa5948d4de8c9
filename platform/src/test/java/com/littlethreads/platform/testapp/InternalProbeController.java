package com.littlethreads.platform.testapp;

import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An internal endpoint, as services expose them to each other.
 */
@RestController
@RequestMapping("/internal/probe")
class InternalProbeController {

	@GetMapping("/stock")
	Map<String, Object> stock(@AuthenticationPrincipal Jwt jwt) {
		return Map.of("client", jwt.getSubject());
	}

	@GetMapping("/any")
	String any() {
		return "internal";
	}

}
