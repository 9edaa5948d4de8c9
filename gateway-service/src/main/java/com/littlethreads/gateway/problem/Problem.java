package com.littlethreads.gateway.problem;

import java.net.URI;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem as the gateway writes it, with the request id as an extension
 * member so that a caller can quote it.
 *
 * @param type what kind of problem this is; stable, clients may branch on it
 * @param title a short, fixed summary of the type
 * @param status the HTTP status
 * @param detail what the caller can do about it; never an exception message
 * @param instance the path that was requested; left out when the request could not be
 * parsed far enough to know it
 * @param requestId the id the request was handled under
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Problem(URI type, String title, int status, String detail, String instance, String requestId) {

}
