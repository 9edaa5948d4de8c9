package com.littlethreads.platform.problem;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import com.littlethreads.platform.core.problem.ProblemType;
import com.littlethreads.platform.core.requestid.RequestIds;

/**
 * Builds and completes problem details so that every service answers in one format.
 */
public final class Problems {

	/**
	 * The name of the extension member that carries the request id.
	 */
	public static final String REQUEST_ID = "requestId";

	/**
	 * The name of the extension member that lists invalid fields.
	 */
	public static final String ERRORS = "errors";

	private static final URI BLANK = URI.create("about:blank");

	private Problems() {
	}

	/**
	 * A problem of one of the shared types.
	 * @param type the type
	 * @param detail what happened in this case, or {@code null} for the type's default
	 * @return the problem
	 */
	public static ProblemDetail of(ProblemType type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(),
				(detail != null) ? detail : type.defaultDetail());
		problem.setType(type.uri());
		problem.setTitle(type.title());
		return problem;
	}

	/**
	 * A problem of a service's own type.
	 * @param status the HTTP status
	 * @param typeSlug the type's stable name, see {@link ProblemType#uri(String)}
	 * @param title the type's short, fixed summary
	 * @param detail what happened in this case
	 * @return the problem
	 */
	public static ProblemDetail of(HttpStatusCode status, String typeSlug, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(ProblemType.uri(typeSlug));
		problem.setTitle(title);
		return problem;
	}

	/**
	 * A {@code validation-failed} problem about one field, in the same shape as the ones
	 * Bean Validation produces, for rules checked in code (a password policy, a shop
	 * currency).
	 * @param field the field's name or JSON path
	 * @param message what is wrong with it, to follow the field's name
	 * @return the exception to throw
	 */
	public static ErrorResponseException invalidField(String field, String message) {
		ProblemDetail problem = of(ProblemType.VALIDATION_FAILED, "Field '%s' %s.".formatted(field, message));
		problem.setProperty(ERRORS, List.of(new InvalidField(field, message)));
		return exception(problem);
	}

	/**
	 * The problem as an exception a controller can throw; its status is the problem's.
	 * @param problem the problem
	 * @return the exception
	 */
	public static ErrorResponseException exception(ProblemDetail problem) {
		return new ErrorResponseException(HttpStatusCode.valueOf(problem.getStatus()), problem, null);
	}

	/**
	 * Fills in what a problem lacks: a stable type and title for a bare status, a detail,
	 * the instance (the request path) and the request id.
	 * @param problem the problem to complete
	 * @param request the request it answers
	 * @return the same problem
	 */
	public static ProblemDetail complete(ProblemDetail problem, HttpServletRequest request) {
		ProblemType shared = ProblemType.forStatus(problem.getStatus());
		if (problem.getType() == null || BLANK.equals(problem.getType())) {
			if (shared != null) {
				problem.setType(shared.uri());
				problem.setTitle(shared.title());
			}
			else {
				HttpStatus status = HttpStatus.resolve(problem.getStatus());
				problem.setTitle((status != null) ? status.getReasonPhrase() : "Error");
			}
		}
		if (problem.getDetail() == null) {
			problem.setDetail((shared != null) ? shared.defaultDetail() : problem.getTitle());
		}
		if (request != null) {
			if (problem.getInstance() == null) {
				problem.setInstance(safeUri(request.getRequestURI()));
			}
			String requestId = RequestIds.of(request::getAttribute);
			if (requestId != null) {
				problem.setProperty(REQUEST_ID, requestId);
			}
		}
		return problem;
	}

	/**
	 * The path as a URI reference, or {@code null} when it is not a valid one (a problem
	 * must still be written for a request whose path could not be parsed).
	 */
	static URI safeUri(String path) {
		try {
			return (path != null) ? new URI(path) : null;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
