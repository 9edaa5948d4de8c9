package com.littlethreads.payment.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.web.ErrorResponseException;

import com.littlethreads.payment.PaymentProblems;

/**
 * Stripe's failures as our problems. Stripe's own message is logged with its request id
 * and never shown: it can name our account's configuration.
 */
public final class StripeErrors {

	private static final Log log = LogFactory.getLog(StripeErrors.class);

	private StripeErrors() {
	}

	/**
	 * The problem to answer for a failed Stripe call: 503 when Stripe could not be
	 * reached or asked us to slow down, 502 when it refused the request.
	 * @param action what we were doing, for the log
	 * @param ex Stripe's exception
	 * @return the exception to throw
	 */
	public static ErrorResponseException problem(String action, StripeException ex) {
		log.warn("Stripe failed to %s: %s (status %s, code %s, request %s)".formatted(action,
				ex.getClass().getSimpleName(), ex.getStatusCode(), ex.getCode(), ex.getRequestId()));
		if (isUnavailable(ex)) {
			return PaymentProblems.paymentProviderUnavailable();
		}
		return PaymentProblems.paymentProviderError();
	}

	/**
	 * Whether the call may well succeed later: no connection, a timeout, rate limiting or
	 * a server error.
	 * @param ex Stripe's exception
	 * @return {@code true} if retrying later makes sense
	 */
	public static boolean isUnavailable(StripeException ex) {
		Integer status = ex.getStatusCode();
		return ex instanceof ApiConnectionException || ex instanceof RateLimitException
				|| (status != null && status >= 500);
	}

}
