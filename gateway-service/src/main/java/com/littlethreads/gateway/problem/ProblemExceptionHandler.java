package com.littlethreads.gateway.problem;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import com.littlethreads.platform.core.requestid.RequestIds;

/**
 * Answers every error the gateway raises itself with {@code application/problem+json}: a
 * path no route matches, a service that refuses connections or answers too slowly, and
 * anything unexpected. Details are fixed per type, so exception messages (which name
 * hosts and ports) never reach the caller; they go to the log under the request id.
 * <p>
 * Ordered before Boot's {@code DefaultErrorWebExceptionHandler} (order -1), which would
 * otherwise answer with its own JSON shape.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

	private static final Log logger = LogFactory.getLog(ProblemExceptionHandler.class);

	private static final URI UNTYPED = URI.create("about:blank");

	private final ServerResponse.Context context;

	ProblemExceptionHandler(ServerCodecConfigurer codecs) {
		List<HttpMessageWriter<?>> writers = codecs.getWriters();
		this.context = new ServerResponse.Context() {

			@Override
			public List<HttpMessageWriter<?>> messageWriters() {
				return writers;
			}

			@Override
			public List<ViewResolver> viewResolvers() {
				return List.of();
			}

		};
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			// Part of the answer is already on its way: it cannot be replaced.
			return Mono.error(ex);
		}
		HttpStatusCode status = statusOf(ex);
		String path = exchange.getRequest().getPath().value();
		String requestId = RequestIds.of(exchange::getAttribute);
		log(status, path, requestId, ex);
		if (ex instanceof ErrorResponse error) {
			// Such as Allow on a 405, which tells the caller what would have worked.
			exchange.getResponse().getHeaders().putAll(error.getHeaders());
		}
		return ServerResponse.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyValue((ex instanceof ProblemException refusal) ? refusal.problem().toProblem(path, requestId)
					: problem(status, path, requestId))
			.flatMap((response) -> response.writeTo(exchange, this.context));
	}

	private static HttpStatusCode statusOf(Throwable ex) {
		if (ex instanceof ErrorResponse error) {
			// Unmatched paths (404), the gateway's response timeout (504) and the like.
			return error.getStatusCode();
		}
		// The gateway leaves a refused or failed connection as a bare exception (a 500);
		// to the caller it means the service is not there right now.
		if (Causes.isCausedBy(ex, ConnectException.class) || Causes.isCausedBy(ex, UnknownHostException.class)) {
			return HttpStatus.SERVICE_UNAVAILABLE;
		}
		if (Causes.isCausedBy(ex, TimeoutException.class)) {
			return HttpStatus.GATEWAY_TIMEOUT;
		}
		// Connected, then the service reset or closed the connection before answering.
		if (Causes.isCausedBy(ex, IOException.class)) {
			return HttpStatus.BAD_GATEWAY;
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

	private static Problem problem(HttpStatusCode status, String path, String requestId) {
		GatewayProblem known = GatewayProblem.forStatus(status.value());
		if (known != null) {
			return known.toProblem(path, requestId);
		}
		// RFC 9457: about:blank says the status is all there is to know.
		HttpStatus resolved = HttpStatus.resolve(status.value());
		String title = (resolved != null) ? resolved.getReasonPhrase() : "Error";
		return new Problem(UNTYPED, title, status.value(), title, path, requestId);
	}

	private static void log(HttpStatusCode status, String path, String requestId, Throwable ex) {
		if (status.value() == HttpStatus.INTERNAL_SERVER_ERROR.value()) {
			logger.error("Request " + requestId + " to " + path + " failed", ex);
		}
		else if (status.is5xxServerError()) {
			// Expected while a service restarts: the cause is enough, a stack trace is
			// noise.
			logger.warn("Request " + requestId + " to " + path + " answered " + status.value() + ": " + ex);
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("Request " + requestId + " to " + path + " answered " + status.value() + ": " + ex);
		}
	}

}
