package com.littlethreads.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base for browser tests of single pages: headless Chromium against a small HTTP server
 * on a free port that serves the built storefront (static-site's output) and answers the
 * API calls as the test says ({@link #answer}), in JSON or problems shaped as the API
 * contract says, without the rest of the shop.
 */
abstract class StubbedSiteTest extends BrowserTest {

	static final Path SITE = RunningShop.ROOT.resolve("static-site/target/site");

	protected String base;

	private HttpServer server;

	private ExecutorService answering;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::answer);
		// One thread per request, as a real server: an answer a test holds back must not
		// hold up the page's other files.
		this.answering = Executors.newCachedThreadPool();
		this.server.setExecutor(this.answering);
		this.server.start();
		this.base = "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
		this.answering.shutdownNow();
	}

	/**
	 * Answers one request the page made: an API call, or a file of the site
	 * ({@link #file}).
	 * @param exchange the request and its answer
	 * @throws IOException if the answer cannot be written
	 */
	protected abstract void answer(HttpExchange exchange) throws IOException;

	static void file(HttpExchange exchange, String path) throws IOException {
		Path file = siteFile(path);
		if (file == null) {
			send(exchange, 404, "text/html", Files.readString(SITE.resolve("404.html")));
			return;
		}
		String name = file.getFileName().toString();
		String type = name.endsWith(".js") ? "text/javascript"
				: name.endsWith(".css") ? "text/css" : name.endsWith(".svg") ? "image/svg+xml" : "text/html";
		send(exchange, 200, type, Files.readString(file));
	}

	/**
	 * The built site's file a request path names, a directory's {@code index.html}.
	 * @param path the request's path
	 * @return the file, or {@code null} if the site has none there
	 */
	static Path siteFile(String path) {
		Path file = SITE.resolve(path.substring(1) + (path.endsWith("/") ? "index.html" : "")).normalize();
		return (file.startsWith(SITE) && Files.isRegularFile(file)) ? file : null;
	}

	static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
		send(exchange, status, "application/problem+json", """
				{"type":"https://littlethreads.shop/problems/test","title":"%s","status":%d,"detail":"%s"}"""
			.formatted(title, status, detail));
	}

	static void json(HttpExchange exchange, int status, String json) throws IOException {
		send(exchange, status, "application/json", json);
	}

	static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", type + ";charset=utf-8");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
