package com.littlethreads.platform.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.PathContainer;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.util.UrlPathHelper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Refuses request bodies over the limit with 413 {@code payload-too-large}: at once when
 * {@code Content-Length} says so, and, for a chunked body, as soon as more than the limit
 * has been read, before any of it is parsed.
 */
class BodyLimitFilter extends OncePerRequestFilter {

	private final long defaultLimit;

	private final List<Limit> limits;

	private final Supplier<HandlerExceptionResolver> problems;

	BodyLimitFilter(RequestLimitProperties properties, Supplier<HandlerExceptionResolver> problems) {
		this.defaultLimit = properties.maxBodySize().toBytes();
		this.limits = properties.paths()
			.stream()
			.map((path) -> new Limit(PathPatternParser.defaultInstance.parse(path.pattern()),
					path.maxBodySize().toBytes()))
			.toList();
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long limit = limitFor(request);
		if (request.getContentLengthLong() > limit) {
			this.problems.get()
				.resolveException(request, response, null, new ErrorResponseException(HttpStatusCode.valueOf(413),
						BodyTooLargeException.problem(limit), null));
			return;
		}
		chain.doFilter(new LimitedRequest(request, limit), response);
	}

	private long limitFor(HttpServletRequest request) {
		if (this.limits.isEmpty()) {
			return this.defaultLimit;
		}
		// The raw path: PathContainer decodes each segment itself, and decoding twice
		// would read an encoded "%" ("%25s") as the start of another escape and fail.
		PathContainer path = PathContainer.parsePath(UrlPathHelper.rawPathInstance.getPathWithinApplication(request));
		for (Limit limit : this.limits) {
			if (limit.pattern().matches(path)) {
				return limit.bytes();
			}
		}
		return this.defaultLimit;
	}

	private record Limit(PathPattern pattern, long bytes) {

	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new LimitedInputStream(super.getInputStream(), this.limit);
			}
			return this.stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.ISO_8859_1;
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

	}

	private static final class LimitedInputStream extends ServletInputStream {

		private final ServletInputStream body;

		private final long limit;

		private long read;

		LimitedInputStream(ServletInputStream body, long limit) {
			this.body = body;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = this.body.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.body.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws BodyTooLargeException {
			this.read += n;
			if (this.read > this.limit) {
				throw new BodyTooLargeException(this.limit);
			}
		}

		@Override
		public boolean isFinished() {
			return this.body.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.body.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.body.setReadListener(listener);
		}

		@Override
		public void close() throws IOException {
			this.body.close();
		}

	}

}
