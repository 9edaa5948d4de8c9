package com.littlethreads.gateway.accesslog;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.netty.http.server.logging.AccessLog;
import reactor.netty.http.server.logging.AccessLogArgProvider;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.littlethreads.gateway.requestid.RequestIds;

/**
 * One line per request on the {@value #LOGGER} logger, written by Reactor Netty when the
 * response is complete: method, path (without the query, which may carry personal data),
 * status, latency in milliseconds and request id. Because Netty writes it, every answer
 * is logged, the gateway's own problems included, and the latency is the gateway's whole
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

	@Bean
	NettyServerCustomizer accessLog() {
		return (server) -> server.accessLog(true, AccessLogConfig::line);
	}

	private static AccessLog line(AccessLogArgProvider request) {
		return new AccessLogLine(request.method(), pathOf(request.uri()), request.status(), request.duration(),
				request.responseHeader(RequestIds.HEADER));
	}

	private static CharSequence pathOf(CharSequence uri) {
		if (uri == null) {
			return "-";
		}
		String value = uri.toString();
		int query = value.indexOf('?');
		return (query >= 0) ? value.substring(0, query) : value;
	}

	/**
	 * Written to our logger rather than Reactor Netty's, in key=value form.
	 */
	static class AccessLogLine extends AccessLog {

		private final String line;

		AccessLogLine(CharSequence method, CharSequence path, CharSequence status, long durationMillis,
				CharSequence requestId) {
			super("");
			this.line = "method=" + method + " path=" + path + " status=" + status + " latency_ms=" + durationMillis
					+ " request_id=" + ((requestId != null) ? requestId : "-");
		}

		@Override
		protected void log() {
			if (logger.isInfoEnabled()) {
				logger.info(this.line);
			}
		}

	}

}
