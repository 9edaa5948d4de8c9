package com.littlethreads.platform.testapp;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.littlethreads.platform.input.SingleLine;

@RestController
@RequestMapping("/probe")
class ProbeController {

	private static final Log log = LogFactory.getLog(ProbeController.class);

	@PostMapping("/items")
	Map<String, Object> create(@Valid @RequestBody ItemRequest item) {
		return Map.of("name", item.name(), "quantity", item.quantity());
	}

	@GetMapping("/items/{id}")
	Map<String, Object> get(@PathVariable long id) {
		return Map.of("id", id);
	}

	@GetMapping("/items")
	Map<String, Object> list(@RequestParam(defaultValue = "24") @Min(1) @Max(100) int pageSize) {
		return Map.of("pageSize", pageSize);
	}

	@GetMapping("/client")
	Map<String, Object> client(HttpServletRequest request) {
		return Map.of("address", request.getRemoteAddr(), "host", request.getRemoteHost());
	}

	@GetMapping("/boom")
	String boom() {
		throw new IllegalStateException("secret internal detail at com.example.Secret");
	}

	@GetMapping("/duplicate")
	String duplicate() {
		throw new DuplicateKeyException(
				"E11000 duplicate key error collection: probe.items index: slug dup key: { slug: \"secret-value\" }");
	}

	@GetMapping("/stale")
	String stale() {
		throw new OptimisticLockingFailureException("Version 3 of item secret-value is stale");
	}

	@GetMapping("/log")
	String logSomething() {
		log.info("handling the probe log request");
		return "logged";
	}

	@GetMapping("/me")
	Map<String, Object> me(@AuthenticationPrincipal Jwt jwt) {
		return Map.of("subject", jwt.getSubject());
	}

	@GetMapping("/admin/area")
	String admin() {
		return "admin";
	}

	@PostMapping("/orders")
	OrderRequest order(@Valid @RequestBody OrderRequest order) {
		return order;
	}

	@PostMapping("/raw")
	Map<String, Object> raw(@RequestBody byte[] body) {
		return Map.of("bytes", body.length);
	}

	@GetMapping("/search")
	Map<String, Object> search(@RequestParam(required = false) String q) {
		return Map.of("q", String.valueOf(q));
	}

	@GetMapping("/header")
	Map<String, Object> header(@RequestHeader("X-Note") String note) {
		return Map.of("note", note);
	}

	@GetMapping("/tags/{tag}")
	Map<String, Object> tag(@PathVariable String tag) {
		return Map.of("tag", tag);
	}

	record OrderRequest(@SingleLine @Size(max = 254) String email, @Size(max = 4000) String giftMessage,
			@NotNull @Size(min = 1, max = 10) List<@NotNull @Valid Line> lines, Boolean gift, Wrapping wrapping,
			List<@SingleLine String> tags) {

		record Line(@NotNull @SingleLine String sku, @NotNull @Min(1) @Max(10) Integer quantity, Long pence) {
		}

	}

	enum Wrapping {

		PLAIN, RIBBON

	}

	record ItemRequest(@NotBlank @Size(max = 20) String name, @NotNull @Min(1) @Max(10) Integer quantity,
			@Size(max = 5) String note, @Size(max = 30) @Pattern(regexp = "[a-z]+(-[a-z]+)*") String colour,
			@Size(max = 3) List<@NotBlank @Size(max = 20) String> labels) {
	}

}
