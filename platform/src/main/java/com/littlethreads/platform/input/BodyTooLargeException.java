package com.littlethreads.platform.input;

import java.io.IOException;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

import com.littlethreads.platform.core.problem.ProblemType;
import com.littlethreads.platform.problem.Problems;

/**
 * Thrown by a request body's stream once more than the limit has been read. An
 * {@link IOException}, so whatever reads the body (Jackson, a byte array converter) fails
 * as on any broken upload; an {@link ErrorResponse}, so the exception handler answers 413
 * wherever in the chain of causes it turns up.
 */
class BodyTooLargeException extends IOException implements ErrorResponse {

	private final transient ProblemDetail problem;

	BodyTooLargeException(long limit) {
		super("Request body larger than " + limit + " bytes");
		this.problem = problem(limit);
	}

	static ProblemDetail problem(long limit) {
		return Problems.of(ProblemType.PAYLOAD_TOO_LARGE,
				"The request body is larger than the %s this service accepts.".formatted(describe(limit)));
	}

	private static String describe(long bytes) {
		return (bytes % 1024 == 0) ? (bytes / 1024) + " KB" : bytes + " bytes";
	}

	@Override
	public HttpStatusCode getStatusCode() {
		return HttpStatusCode.valueOf(this.problem.getStatus());
	}

	@Override
	public ProblemDetail getBody() {
		return this.problem;
	}

}
