package com.littlethreads.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.net.httpserver.HttpExchange;

/**
 * Answers for the small HTTP servers that stand in for the shop in browser tests of
 * single pages: the built storefront's files (static-site's output) and JSON or problem
 * answers shaped as the API contract says.
 */
final class StubbedSite {

	static final Path SITE = RunningShop.ROOT.resolve("static-site/target/site");

	private StubbedSite() {
	}

	static void file(HttpExchange exchange, String path) throws IOException {
		Path file = SITE.resolve(path.substring(1) + (path.endsWith("/") ? "index.html" : "")).normalize();
		if (!file.startsWith(SITE) || !Files.isRegularFile(file)) {
			send(exchange, 404, "text/html", Files.readString(SITE.resolve("404.html")));
			return;
		}
		String name = file.getFileName().toString();
		String type = name.endsWith(".js") ? "text/javascript"
				: name.endsWith(".css") ? "text/css" : name.endsWith(".svg") ? "image/svg+xml" : "text/html";
		send(exchange, 200, type, Files.readString(file));
	}

	static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
		byte[] bytes = """
				{"type":"https://littlethreads.shop/problems/test","title":"%s","status":%d,"detail":"%s"}"""
			.formatted(title, status, detail)
			.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
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
