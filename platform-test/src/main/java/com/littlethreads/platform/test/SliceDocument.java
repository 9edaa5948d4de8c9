package com.littlethreads.platform.test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The OpenAPI document of a {@code @WebMvcTest} slice's controllers, checking each
 * exchange the slice's {@code MockMvc} makes ({@link SliceDocumentAutoConfiguration}).
 */
public final class SliceDocument {

	private static final String DOCUMENT = "/v3/api-docs";

	private static final String OUTSIDE = SliceDocument.class.getName() + ".outside";

	private final WebApplicationContext context;

	private ApiDocument document;

	SliceDocument(WebApplicationContext context) {
		this.context = context;
	}

	/**
	 * Marks a request that a test sends outside the document on purpose, with the reason:
	 * one the service accepts although the document does not advertise it.
	 * @param reason why the request is outside the document
	 * @return the post-processor that marks it
	 */
	public static RequestPostProcessor outsideTheDocument(String reason) {
		return (request) -> {
			request.setAttribute(OUTSIDE, reason);
			return request;
		};
	}

	void check(MvcResult result) throws Exception {
		MockHttpServletRequest request = result.getRequest();
		if (request.getRequestURI().startsWith(DOCUMENT) || request.getAttribute(OUTSIDE) != null) {
			return;
		}
		MockHttpServletResponse response = result.getResponse();
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (String name : response.getHeaderNames()) {
			headers.put(name, response.getHeaders(name));
		}
		if (response.getContentType() != null) {
			headers.put("Content-Type", List.of(response.getContentType()));
		}
		String body = request.getContentAsString();
		document().check(request.getMethod(), target(request), requestHeaders(request),
				(body == null || body.isEmpty()) ? null : body, response.getStatus(), headers,
				response.getContentAsString(StandardCharsets.UTF_8));
	}

	private synchronized ApiDocument document() throws Exception {
		if (this.document == null) {
			// Straight to the dispatcher, without the security filters: the document
			// is public in every service anyway, and the slice may not permit it.
			String text = MockMvcBuilders.webAppContextSetup(this.context)
				.build()
				.perform(MockMvcRequestBuilders.get(DOCUMENT))
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			this.document = ApiDocument.forSlice(text);
		}
		return this.document;
	}

	/**
	 * The path and query as a client would have sent them: MockMvc keeps parameters given
	 * with {@code param(...)} out of the query string.
	 */
	private static String target(MockHttpServletRequest request) {
		String path = request.getRequestURI();
		if (request.getQueryString() != null) {
			return path + "?" + request.getQueryString();
		}
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())
				|| request.getParameterMap().isEmpty()) {
			return path;
		}
		List<String> pairs = new ArrayList<>();
		request.getParameterMap().forEach((name, values) -> {
			for (String value : values) {
				pairs.add(encode(name) + "=" + encode(value));
			}
		});
		return path + "?" + String.join("&", pairs);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static String[] requestHeaders(HttpServletRequest request) {
		List<String> pairs = new ArrayList<>();
		for (String name : Collections.list(request.getHeaderNames())) {
			for (String value : Collections.list(request.getHeaders(name))) {
				pairs.add(name);
				pairs.add(value);
			}
		}
		return pairs.toArray(String[]::new);
	}

}
