package com.littlethreads.gateway.accesslog;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.slf4j.LoggerFactory;
import reactor.netty.NettyPipeline;
import reactor.netty.channel.ChannelOperations;
import reactor.netty.http.server.HttpServerRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.littlethreads.gateway.forwarded.ClientOrigins;
import com.littlethreads.platform.core.requestid.RequestIds;

/**
 * One line per request on the {@value #LOGGER} logger, written from the connection as the
 * response's last part is sent: method, path (without the query, which may carry personal
 * data), status, latency in milliseconds, request id and the client's address (by the
 * same rule as the rate limits, {@link ClientOrigins}). Because it is written from the
 * connection, every answer the gateway gives is logged, its own problems included, and
 * the latency is the gateway's whole time for the request.
 * <p>
 * A handler of ours rather than Reactor Netty's access log, which for every request also
 * formatted the request's time as a date string, parsed its cookies and waited on the
 * last write's outcome through a listener of its own, none of which the line uses
 * (docs/benchmarks.md). The gateway serves HTTP/1.1 only ({@code server.http2.enabled} is
 * false), which is what the handler reads.
 * <p>
 * Over Spring Boot's own console logging, the lines reach standard output in batches, at
 * most {@code littlethreads.access-log.flush-interval} late ({@link AccessLogBatching}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "littlethreads.access-log.enabled", matchIfMissing = true)
class AccessLogConfig {

	/**
	 * The logger name, so that operators can route or silence access lines on their own.
	 */
	static final String LOGGER = "littlethreads.access";

	private static final Log logger = LogFactory.getLog(LOGGER);

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	@Bean
	AccessLogBatching accessLogBatching(AccessLogProperties properties) {
		return new AccessLogBatching(LoggerFactory.getILoggerFactory(), properties.flushInterval());
	}

	@Bean
	NettyServerCustomizer accessLog(ClientOrigins origins) {
		return (server) -> server.doOnChannelInit((observer, channel, remote) -> channel.pipeline()
			.addAfter(NettyPipeline.HttpTrafficHandler, AccessLogHandler.NAME, new AccessLogHandler(origins)));
	}

	/**
	 * The line of one request, as {@link #LOGGER} writes it.
	 */
	private static String line(CharSequence method, CharSequence uri, CharSequence status, long latencyMillis,
			CharSequence requestId, String client) {
		return "method=" + method + " path=" + pathOf(uri) + " status=" + status + " latency_ms=" + latencyMillis
				+ " request_id=" + ((requestId != null) ? requestId : "-") + " client=" + client;
	}

	/**
	 * The client by the gateway's one rule, from what the connection saw: its peer and
	 * the request's {@code X-Forwarded-For} headers.
	 */
	private static String client(SocketAddress remote, HttpHeaders requestHeaders, ClientOrigins origins) {
		InetAddress peer = (remote instanceof InetSocketAddress address) ? address.getAddress() : null;
		if (!origins.isTrustedProxy(peer)) {
			// The connection is the client: its headers cannot change that, so they are
			// not looked through.
			return (peer != null) ? peer.getHostAddress() : "-";
		}
		List<String> forwardedFor = (requestHeaders != null) ? requestHeaders.getAll(ClientOrigins.X_FORWARDED_FOR)
				: List.of();
		InetAddress client = origins.address(peer, forwardedFor);
		return (client != null) ? client.getHostAddress() : "-";
	}

	private static CharSequence pathOf(CharSequence uri) {
		if (uri == null) {
			return "-";
		}
		String value = uri.toString();
		int query = value.indexOf('?');
		return printable((query >= 0) ? value.substring(0, query) : value);
	}

	/**
	 * The path as the request line carried it, with any control character or space
	 * percent-encoded: a refused path is logged too, and must not forge or garble a line.
	 */
	static String printable(String path) {
		StringBuilder printable = null;
		for (int i = 0; i < path.length(); i++) {
			char c = path.charAt(i);
			boolean control = c <= 0x20 || (c >= 0x7F && c <= 0x9F);
			if (control && printable == null) {
				printable = new StringBuilder(path.length() + 8).append(path, 0, i);
			}
			if (control) {
				printable.append('%').append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
			}
			else if (printable != null) {
				printable.append(c);
			}
		}
		return (printable != null) ? printable.toString() : path;
	}

	/**
	 * Writes the line of each request on one connection when the response's last part
	 * goes out. One per connection: it holds the request whose answer is being written.
	 */
	static final class AccessLogHandler extends ChannelOutboundHandlerAdapter {

		static final String NAME = "littlethreads.accessLog";

		private final ClientOrigins origins;

		private HttpServerRequest request;

		private HttpResponse response;

		AccessLogHandler(ClientOrigins origins) {
			this.origins = origins;
		}

		@Override
		public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
			if (msg instanceof HttpResponse answer && answer.status().code() != HttpResponseStatus.CONTINUE.code()) {
				this.response = answer;
				this.request = (ChannelOperations.get(ctx.channel()) instanceof HttpServerRequest current) ? current
						: null;
			}
			ctx.write(msg, promise);
			if (msg instanceof LastHttpContent && this.response != null) {
				HttpResponse answer = this.response;
				HttpServerRequest answered = this.request;
				this.response = null;
				this.request = null;
				if (logger.isInfoEnabled()) {
					logger.info(lineOf(answered, answer, ctx));
				}
			}
		}

		private String lineOf(HttpServerRequest request, HttpResponse response, ChannelHandlerContext ctx) {
			CharSequence status = response.status().codeAsText();
			String requestId = response.headers().get(RequestIds.HEADER);
			SocketAddress remote = ctx.channel().remoteAddress();
			if (request == null) {
				// An answer with no request the server knows of: logged all the same.
				return line("-", null, status, 0, requestId, client(remote, null, this.origins));
			}
			long latency = System.currentTimeMillis() - request.timestamp().toInstant().toEpochMilli();
			return line(request.method().name(), request.uri(), status, latency, requestId,
					client(remote, request.requestHeaders(), this.origins));
		}

	}

}
