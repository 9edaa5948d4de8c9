package com.littlethreads.gateway.problem;

import org.springframework.web.server.ResponseStatusException;

/**
 * A refusal the gateway raises itself, answered with its own problem type and fixed
 * detail rather than the generic one for the status. Without a stack trace: a refusal is
 * the caller's doing, and routine.
 */
public final class ProblemException extends ResponseStatusException {

	private final GatewayProblem problem;

	private ProblemException(GatewayProblem problem) {
		super(problem.status());
		this.problem = problem;
	}

	/**
	 * A path that cannot be put in the one normalised form every later step sees.
	 * @return the refusal (400 {@code invalid-path})
	 */
	public static ProblemException invalidPath() {
		return new ProblemException(GatewayProblem.INVALID_PATH);
	}

	GatewayProblem problem() {
		return this.problem;
	}

	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}

}
