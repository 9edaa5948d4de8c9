package com.littlethreads.gateway.problem;

/**
 * What a failure was caused by. The gateway's failures come wrapped (Reactor Netty's
 * connect errors, Spring's and Resilience4j's exceptions around them), so the question is
 * asked of the whole cause chain.
 */
public final class Causes {

	private Causes() {
	}

	/**
	 * Whether {@code failure} or any of its causes is a {@code type}.
	 * @param failure the failure, or {@code null}
	 * @param type the kind of cause looked for
	 * @return whether the chain holds one
	 */
	public static boolean isCausedBy(Throwable failure, Class<? extends Throwable> type) {
		Throwable candidate = failure;
		// Bounded, because a cause chain can loop.
		for (int depth = 0; candidate != null && depth < 16; depth++) {
			if (type.isInstance(candidate)) {
				return true;
			}
			candidate = candidate.getCause();
		}
		return false;
	}

}
