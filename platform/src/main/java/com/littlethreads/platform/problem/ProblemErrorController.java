package com.littlethreads.platform.problem;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import com.littlethreads.platform.core.problem.ProblemType;

/**
 * Answers the servlet container's error dispatches (errors raised outside Spring MVC,
 * such as in a filter, or a rejected URL) in the same problem+json format as everything
 * else, where Boot's default would send its own JSON or a white-label page. Requested
 * directly, {@code /error} is not a resource: 404 (and the platform defaults keep it out
 * of the OpenAPI documents).
 */
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

	private static final Log log = LogFactory.getLog(ProblemErrorController.class);

	// Spring MVC answers OPTIONS for a mapping by itself unless OPTIONS is mapped.
	@RequestMapping(method = RequestMethod.OPTIONS)
	ResponseEntity<ProblemDetail> options(HttpServletRequest request) {
		return error(request);
	}

	@RequestMapping
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		if (request.getDispatcherType() != DispatcherType.ERROR) {
			// Asked for by name: there is nothing here, whatever the method.
			ProblemDetail missing = Problems.complete(Problems.of(ProblemType.NOT_FOUND, null), request);
			return ResponseEntity.status(404).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(missing);
		}
		int status = (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code) ? code : 500;
		if (status < 400) {
			status = 500;
		}
		if (status >= 500 && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
			log.error("Unexpected error while handling " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
					failure);
		}
		ProblemDetail problem = ProblemDetail.forStatus(status);
		if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
			problem.setInstance(Problems.safeUri(uri));
		}
		Problems.complete(problem, request);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
