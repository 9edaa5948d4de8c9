package com.littlethreads.gateway.problem;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.util.ReferenceCountUtil;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import com.littlethreads.platform.core.requestid.RequestIds;

/**
 * Turns the answers Netty and Spring's adapter give on their own, before any filter runs,
 * into problems: a request line over Netty's limit (414), a header block over its ceiling
 * (431), a request line Netty cannot parse, or a URI Spring cannot (400, such as a raw
 * backslash or a malformed {@code %}). Those are sent bare: no body, no content type, no
 * request id, no security headers.
 * <p>
 * A Netty handler just before Reactor Netty hands a request to Spring, so it sees each
 * request (for the caller's {@code X-Request-Id}, in order) and each response. It
 * replaces only a complete 4xx or 5xx response that has no body, no content type and no
 * request id: one that never went through the gateway's filters (they put a request id on
 * everything). Proxied answers and the gateway's own problems pass untouched.
 */
class BareRejections extends ChannelDuplexHandler {

	static final String NAME = "littlethreads.bareRejections";

	private static final Log logger = LogFactory.getLog(BareRejections.class);

	/**
	 * Pipelined requests waiting for their answer; more than this is not worth keeping.
	 */
	private static final int MAX_PENDING = 32;

	private final JsonMapper json;

	/**
	 * What each pending request's {@code X-Request-Id} said ("" for nothing). It is
	 * checked, and an id made where it will not do, only for an answer replaced here: for
	 * every other request the gateway's request id filter does that, and making an id
	 * here too cost a random UUID per request.
	 */
	private final Deque<String> requestIds = new ArrayDeque<>();

	BareRejections(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
		if (msg instanceof HttpRequest request) {
			if (this.requestIds.size() >= MAX_PENDING) {
				this.requestIds.pollFirst();
			}
			String given = request.headers().get(RequestIds.HEADER);
			this.requestIds.addLast((given != null) ? given : "");
		}
		super.channelRead(ctx, msg);
	}

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
		if (msg instanceof HttpResponse response && response.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
			String requestId = this.requestIds.pollFirst();
			if (msg instanceof FullHttpResponse full && isBare(full)) {
				FullHttpResponse problem = problem(full, RequestIds.acceptOrCreate(requestId));
				ReferenceCountUtil.release(full);
				super.write(ctx, problem, promise);
				return;
			}
		}
		super.write(ctx, msg, promise);
	}

	static boolean isBare(FullHttpResponse response) {
		HttpHeaders headers = response.headers();
		return response.status().code() >= 400 && !response.content().isReadable()
				&& !headers.contains(HttpHeaderNames.CONTENT_TYPE) && !headers.contains(RequestIds.HEADER);
	}

	private FullHttpResponse problem(FullHttpResponse bare, String requestId) {
		int status = bare.status().code();
		GatewayProblem known = GatewayProblem.forStatus(status);
		Problem problem;
		if (known != null) {
			problem = known.toProblem(null, requestId);
		}
		else {
			HttpStatus resolved = HttpStatus.resolve(status);
			String title = (resolved != null) ? resolved.getReasonPhrase() : "Error";
			problem = new Problem(URI.create("about:blank"), title, status, title, null, requestId);
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Request " + requestId + " refused by the HTTP server with " + status);
		}
		ByteBuf body = Unpooled.wrappedBuffer(this.json.writeValueAsBytes(problem));
		FullHttpResponse response = new DefaultFullHttpResponse(bare.protocolVersion(), bare.status(), body);
		response.headers()
			.set(bare.headers())
			.set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
			.setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes())
			.set(RequestIds.HEADER, requestId)
			.set("X-Content-Type-Options", "nosniff")
			.set("X-Frame-Options", "DENY")
			.set("Referrer-Policy", "strict-origin-when-cross-origin")
			.set(HttpHeaderNames.CACHE_CONTROL, "no-store");
		return response;
	}

}
