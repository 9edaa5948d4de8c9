package com.littlethreads.platform.testapp;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers that agree with the document springdoc writes for them, and answers that do
 * not, for the tests of the document checks ({@code ApiDocumentTests},
 * {@code SliceDocumentTests}).
 */
@RestController
@RequestMapping("/probe/contract")
public class ContractProbeController {

	@GetMapping("/agreed")
	Toy agreed() {
		return new Toy("kite", 3);
	}

	/**
	 * Documented as a {@link Toy}, answered with a size that is not a number.
	 */
	@GetMapping("/drifted")
	@ApiResponse(responseCode = "200", description = "A toy",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = Toy.class)))
	ResponseEntity<Map<String, Object>> drifted() {
		return ResponseEntity.ok(Map.of("name", "kite", "size", "large"));
	}

	/**
	 * Documented as 200, answered with 202.
	 */
	@GetMapping("/other-status")
	ResponseEntity<Toy> otherStatus() {
		return ResponseEntity.accepted().body(new Toy("kite", 3));
	}

	/**
	 * Documented as a {@link Toy}, answered with a field the document does not have.
	 */
	@GetMapping("/extra-field")
	@ApiResponse(responseCode = "200", description = "A toy",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = Toy.class)))
	ResponseEntity<Map<String, Object>> extraField() {
		return ResponseEntity.ok(Map.of("name", "kite", "size", 3, "secret", "internal"));
	}

	record Toy(String name, int size) {

	}

}
