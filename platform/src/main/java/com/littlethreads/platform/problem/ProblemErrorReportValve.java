package com.littlethreads.platform.problem;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import com.littlethreads.platform.core.requestid.RequestIds;

/**
 * Tomcat's error report for requests it refuses before any filter or servlet sees them (a
 * URL it cannot decode or normalise, a raw character it does not accept in a query, a
 * request line or header block over its limit, an HTTP version it does not speak): a
 * problem+json body with a request id, where Tomcat's own valve writes an HTML page. It
 * says nothing about the server, the exception or the request beyond its status.
 */
class ProblemErrorReportValve extends ErrorReportValve {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		// Same guards as Tomcat's own report: only unanswered errors, and only once.
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		String requestId = RequestIds.of(request::getAttribute);
		if (requestId == null) {
			requestId = RequestIds.acceptOrCreate(request.getHeader(RequestIds.HEADER));
		}
		ProblemDetail problem = Problems.complete(ProblemDetail.forStatus(status), null);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problem.getType().toString());
		body.put("title", problem.getTitle());
		body.put("status", status);
		body.put("detail", problem.getDetail());
		body.put(Problems.REQUEST_ID, requestId);
		try {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.setHeader(RequestIds.HEADER, requestId);
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(JSON.writeValueAsString(body));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client has gone; there is nobody left to tell.
		}
	}

}
