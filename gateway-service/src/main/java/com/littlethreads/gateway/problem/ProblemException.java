package com.littlethreads.gateway.problem;

/**
 * A refusal the gateway raises itself, answered with its own problem type and fixed
 * detail rather than the generic one for the status.
 */
public final class ProblemException extends Refusal {

	private final GatewayProblem problem;

	private ProblemException(GatewayProblem problem) {
		super(problem.status(), null);
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

}
