package com.littlethreads.platform.problem;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.littlethreads.platform.core.problem.ProblemType;

/**
 * Turns every exception a controller lets escape into an RFC 9457 problem: Spring MVC's
 * own (404, 405, 415 ...) through {@link ResponseEntityExceptionHandler}, plus
 * validation, JSON, persistence and security failures. Anything unexpected becomes a 500
 * whose body names the request id and nothing else: the exception is logged, never shown.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Log log = LogFactory.getLog(ProblemDetailsExceptionHandler.class);

	/**
	 * MongoDB names the violated unique index in its E11000 message; our indexes are
	 * named after their field, so the index name tells the client which value is taken
	 * (never the value itself).
	 */
	private static final Pattern INDEX_NAME = Pattern.compile("index: ([\\w.\\-]+)");

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Map<String, String> invalid = new LinkedHashMap<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			invalid.merge(error.getField(), message(error), (first, next) -> first + "; " + next);
		}
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach((error) -> invalid.merge(error.getObjectName(), message(error), (a, b) -> a + "; " + b));
		return validationProblem(ex, invalid, headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Map<String, String> invalid = new LinkedHashMap<>();
		ex.getParameterValidationResults().forEach((result) -> {
			String name = result.getMethodParameter().getParameterName();
			result.getResolvableErrors()
				.forEach((error) -> invalid.merge((name != null) ? name : "parameter", message(error),
						(a, b) -> a + "; " + b));
		});
		return validationProblem(ex, invalid, headers, request);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
		Map<String, String> invalid = new LinkedHashMap<>();
		for (ConstraintViolation<?> violation : ex.getConstraintViolations()) {
			String path = violation.getPropertyPath().toString();
			String field = path.contains(".") ? path.substring(path.indexOf('.') + 1) : path;
			invalid.merge(field, violation.getMessage(), (a, b) -> a + "; " + b);
		}
		return validationProblem(ex, invalid, new HttpHeaders(), request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		// A body refused while it was read (the body size limit) carries its own answer.
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof ErrorResponse refused) {
				return handleExceptionInternal(ex, refused.getBody(), headers, refused.getStatusCode(), request);
			}
		}
		ProblemDetail problem = Problems.of(ProblemType.MALFORMED_BODY, describeUnreadable(ex));
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = ex.getPropertyName();
		Class<?> required = ex.getRequiredType();
		if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
			name = mismatch.getName();
			ResolvableType type = ResolvableType.forMethodParameter(mismatch.getParameter());
			if (type.isArray() || Collection.class.isAssignableFrom(type.toClass())) {
				// A repeatable parameter: say what each value must be.
				required = type.isArray() ? type.getComponentType().toClass() : type.asCollection().resolveGeneric();
			}
		}
		String message = "must be " + describeType(required);
		ProblemDetail problem = Problems.of(ProblemType.INVALID_PARAMETER,
				"Parameter '%s' %s.".formatted(name, message));
		problem.setProperty(Problems.ERRORS, List.of(new InvalidField(name, message)));
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = Problems.of(ProblemType.INVALID_PARAMETER,
				"Parameter '%s' is required.".formatted(ex.getParameterName()));
		problem.setProperty(Problems.ERRORS, List.of(new InvalidField(ex.getParameterName(), "is required")));
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ResponseEntity<Object> handleDuplicateKey(DuplicateKeyException ex, WebRequest request) {
		Matcher index = INDEX_NAME.matcher(String.valueOf(ex.getMessage()));
		String detail = ProblemType.DUPLICATE.defaultDetail();
		if (index.find()) {
			String field = index.group(1).replaceAll("_-?1$", "");
			detail = "The value of '%s' is already taken by another resource.".formatted(field);
		}
		return handleExceptionInternal(ex, Problems.of(ProblemType.DUPLICATE, detail), new HttpHeaders(),
				HttpStatus.CONFLICT, request);
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<Object> handleOptimisticLock(OptimisticLockingFailureException ex, WebRequest request) {
		return handleExceptionInternal(ex, Problems.of(ProblemType.CONCURRENT_MODIFICATION, null), new HttpHeaders(),
				HttpStatus.CONFLICT, request);
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<Object> handleAuthentication(AuthenticationException ex, WebRequest request) {
		// The WWW-Authenticate header is already set by the bearer-token entry point.
		String detail = (ex instanceof OAuth2AuthenticationException)
				? "The bearer token is invalid or has expired. Sign in again." : null;
		return handleExceptionInternal(ex, Problems.of(ProblemType.UNAUTHORIZED, detail), new HttpHeaders(),
				HttpStatus.UNAUTHORIZED, request);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Object> handleAccessDenied(AccessDeniedException ex, WebRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			return handleExceptionInternal(ex, Problems.of(ProblemType.UNAUTHORIZED, null), new HttpHeaders(),
					HttpStatus.UNAUTHORIZED, request);
		}
		return handleExceptionInternal(ex, Problems.of(ProblemType.FORBIDDEN, null), new HttpHeaders(),
				HttpStatus.FORBIDDEN, request);
	}

	@ExceptionHandler(RequestRejectedException.class)
	ResponseEntity<Object> handleRequestRejected(RequestRejectedException ex, WebRequest request) {
		// The firewall's message quotes what it refused; the log may have it, the client
		// gets the gist.
		log.debug("Request rejected by the firewall: " + ex.getMessage());
		return handleExceptionInternal(ex, Problems.of(ProblemType.BAD_REQUEST,
				"The request was refused: its URL, method, headers or parameter names contain something this service"
						+ " does not accept."),
				new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
		log.error("Unexpected error while handling " + describe(request), ex);
		return handleExceptionInternal(ex, Problems.of(ProblemType.INTERNAL_ERROR, null), new HttpHeaders(),
				HttpStatus.INTERNAL_SERVER_ERROR, request);
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (body instanceof ProblemDetail problem) {
			Problems.complete(problem, servletRequest(request));
			HttpHeaders problemHeaders = new HttpHeaders();
			problemHeaders.putAll(headers);
			problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
			return new ResponseEntity<>(problem, problemHeaders, statusCode);
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private ResponseEntity<Object> validationProblem(Exception ex, Map<String, String> invalid, HttpHeaders headers,
			WebRequest request) {
		List<InvalidField> errors = new ArrayList<>();
		invalid.forEach((field, message) -> errors.add(new InvalidField(field, message)));
		String detail = (errors.size() == 1)
				? "Field '%s' %s.".formatted(errors.get(0).field(), errors.get(0).message())
				: "%d fields are invalid: %s.".formatted(errors.size(), String.join(", ", invalid.keySet()));
		ProblemDetail problem = Problems.of(ProblemType.VALIDATION_FAILED, errors.isEmpty() ? null : detail);
		problem.setProperty(Problems.ERRORS, errors);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	private static String message(MessageSourceResolvable error) {
		String message = error.getDefaultMessage();
		return (message != null) ? message : "is invalid";
	}

	private static String describeUnreadable(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		if (cause == null) {
			return "A JSON request body is required.";
		}
		if (cause instanceof FieldRuleViolation violation && cause instanceof JacksonException jackson) {
			return "Field '%s' %s.".formatted(path(jackson), violation.rule());
		}
		if (cause instanceof InputCoercionException outOfRange && !path(outOfRange).isEmpty()) {
			return "Field '%s' is out of range.".formatted(path(outOfRange));
		}
		if (cause instanceof StreamReadException parse && !(cause instanceof MismatchedInputException)) {
			String duplicate = duplicateKey(parse);
			if (duplicate != null) {
				return "Field '%s' appears more than once.".formatted(duplicate);
			}
			return (parse.getLocation() != null)
					? "The request body is not valid JSON (line %d, column %d)."
						.formatted(parse.getLocation().getLineNr(), parse.getLocation().getColumnNr())
					: "The request body is not valid JSON.";
		}
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return "Field '%s' is not accepted here.".formatted(path(unknown));
		}
		if (cause instanceof InvalidFormatException invalid) {
			return "Field '%s' must be %s.".formatted(path(invalid), describeType(invalid.getTargetType()));
		}
		if (cause instanceof MismatchedInputException mismatch) {
			String path = path(mismatch);
			return path.isEmpty() ? "The request body does not have the expected shape."
					: "Field '%s' must be %s.".formatted(path, describeType(mismatch.getTargetType()));
		}
		return "The request body could not be read as JSON of the expected shape.";
	}

	/**
	 * The path of the key a strict parser found twice, or {@code null} for any other
	 * parse error. Jackson reports a duplicate as a plain parse error, so it is told
	 * apart by its message (pinned by a test); the path comes from where the parser
	 * stopped.
	 */
	private static String duplicateKey(StreamReadException ex) {
		String message = ex.getOriginalMessage();
		JsonParser parser = ex.processor();
		if (message == null || !message.startsWith("Duplicate Object property") || parser == null) {
			return null;
		}
		List<String> segments = new ArrayList<>();
		for (TokenStreamContext context = parser.streamReadContext(); context != null
				&& !context.inRoot(); context = context.getParent()) {
			segments.add(0, context.inArray() ? "[" + context.getCurrentIndex() + "]" : "." + context.currentName());
		}
		String path = String.join("", segments);
		return path.startsWith(".") ? path.substring(1) : path;
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String describeType(Class<?> type) {
		if (type == null) {
			return "a value of another type";
		}
		if (type.isEnum()) {
			List<String> values = new ArrayList<>();
			for (Object constant : type.getEnumConstants()) {
				values.add(constant.toString());
			}
			return "one of " + String.join(", ", values);
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == Short.class || type == short.class) {
			return "a whole number";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
			return "a number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == String.class) {
			return "a string";
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "a list";
		}
		return "an object of the expected shape";
	}

	private static HttpServletRequest servletRequest(WebRequest request) {
		return (request instanceof NativeWebRequest nativeRequest)
				? nativeRequest.getNativeRequest(HttpServletRequest.class) : null;
	}

	private static String describe(WebRequest request) {
		HttpServletRequest servletRequest = servletRequest(request);
		return (servletRequest != null) ? servletRequest.getMethod() + " " + servletRequest.getRequestURI()
				: request.getDescription(false);
	}

}
