package com.littlethreads.gateway.accesslog;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.netty.util.AsciiString;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.netty.http.server.logging.AccessLog;
import reactor.netty.http.server.logging.AccessLogArgProvider;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.littlethreads.gateway.forwarded.ClientOrigins;
import com.littlethreads.platform.core.requestid.RequestIds;

/**
 * One line per request on the {@value #LOGGER} logger, written by Reactor Netty when the
 * response is complete: method, path (without the query, which may carry personal data),
 * status, latency in milliseconds, request id and the client's address (by the same rule
 * as the rate limits, {@link ClientOrigins}). Because Netty writes it, every answer is
 * logged, the gateway's own problems included, and the latency is the gateway's whole
 * time for the request.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "littlethreads.access-log.enabled", matchIfMissing = true)
class AccessLogConfig {

	/**
	 * The logger name, so that operators can route or silence access lines on their own.
	 */
	static final String LOGGER = "littlethreads.access";

	private static final Log logger = LogFactory.getLog(LOGGER);

	private static final AsciiString X_FORWARDED_FOR = AsciiString.cached("X-Forwarded-For");

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	@Bean
	NettyServerCustomizer accessLog(ClientOrigins origins) {
		return (server) -> server.accessLog(true, (request) -> line(request, origins));
	}

	private static AccessLog line(AccessLogArgProvider request, ClientOrigins origins) {
		return new AccessLogLine(request.method(), pathOf(request.uri()), request.status(), request.duration(),
				request.responseHeader(RequestIds.HEADER), client(request, origins));
	}

	/**
	 * The client by the gateway's one rule, from what Netty saw: the connection and the
	 * request's {@code X-Forwarded-For} headers.
	 */
	private static String client(AccessLogArgProvider request, ClientOrigins origins) {
		InetAddress peer = (request.remoteAddress() instanceof InetSocketAddress remote) ? remote.getAddress() : null;
		if (!origins.isTrustedProxy(peer)) {
			// The connection is the client: its headers cannot change that, so they are
			// not looked through.
			return (peer != null) ? peer.getHostAddress() : "-";
		}
		List<String> forwardedFor = new ArrayList<>(1);
		Iterator<Map.Entry<CharSequence, CharSequence>> headers = request.requestHeaderIterator();
		while (headers != null && headers.hasNext()) {
			Map.Entry<CharSequence, CharSequence> header = headers.next();
			if (X_FORWARDED_FOR.contentEqualsIgnoreCase(header.getKey())) {
				forwardedFor.add(header.getValue().toString());
			}
		}
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
	 * Written to our logger rather than Reactor Netty's, in key=value form.
	 */
	static class AccessLogLine extends AccessLog {

		private final String line;

		AccessLogLine(CharSequence method, CharSequence path, CharSequence status, long durationMillis,
				CharSequence requestId, String client) {
			super("");
			this.line = "method=" + method + " path=" + path + " status=" + status + " latency_ms=" + durationMillis
					+ " request_id=" + ((requestId != null) ? requestId : "-") + " client=" + client;
		}

		@Override
		protected void log() {
			if (logger.isInfoEnabled()) {
				logger.info(this.line);
			}
		}

	}

}
