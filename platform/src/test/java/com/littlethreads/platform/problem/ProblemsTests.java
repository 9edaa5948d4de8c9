package com.littlethreads.platform.problem;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import com.littlethreads.platform.core.problem.ProblemType;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemsTests {

	@Test
	void invalidFieldIsAValidationProblemWithOneEntryNamingTheField() {
		ProblemDetail problem = Problems.invalidField("password", "is too short").getBody();

		assertThat(problem.getStatus()).isEqualTo(400);
		assertThat(problem.getType()).isEqualTo(ProblemType.VALIDATION_FAILED.uri());
		assertThat(problem.getDetail()).isEqualTo("Field 'password' is too short.");
		assertThat(problem.getProperties()).containsEntry(Problems.ERRORS,
				List.of(new InvalidField("password", "is too short")));
	}

	@Test
	void exceptionCarriesTheProblemsOwnStatus() {
		ProblemDetail conflict = Problems.of(ProblemType.DUPLICATE, "Taken.");

		assertThat(Problems.exception(conflict).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(Problems.exception(conflict).getBody()).isSameAs(conflict);
	}

}
