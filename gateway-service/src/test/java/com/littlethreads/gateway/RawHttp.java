package com.littlethreads.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte as written: for request lines and paths
 * that an HTTP client would refuse to send or would tidy up first.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/**
	 * Sends one request on a new connection and reads the answer until the gateway closes
	 * it (the request should say {@code Connection: close}).
	 * @param port the gateway's port
	 * @param request the request head (and body), CRLFs included
	 * @return the response
	 */
	public static Response send(int port, String request) {
		return Response.parse(exchange(port, request, false));
	}

	/**
	 * Sends requests on one connection that the gateway keeps open, and reads until it
	 * has been quiet for a second.
	 * @param port the gateway's port
	 * @param requests the requests, one after the other (pipelined)
	 * @return everything the gateway answered
	 */
	public static String sendKeepingTheConnection(int port, String requests) {
		return new String(exchange(port, requests, true), StandardCharsets.UTF_8);
	}

	private static byte[] exchange(int port, String request, boolean untilQuiet) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(untilQuiet ? 1000 : 10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			return readAll(socket.getInputStream(), untilQuiet);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A GET of the path, exactly as given.
	 * @param port the gateway's port
	 * @param path the request target
	 * @param headers more header lines, each without its CRLF
	 * @return the response
	 */
	public static Response get(int port, String path, String... headers) {
		return request(port, "GET", path, headers);
	}

	public static Response request(int port, String method, String path, String... headers) {
		StringBuilder request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
		request.append("Host: localhost\r\n");
		for (String header : headers) {
			request.append(header).append("\r\n");
		}
		request.append("Content-Length: 0\r\nConnection: close\r\n\r\n");
		return send(port, request.toString());
	}

	private static byte[] readAll(InputStream in, boolean untilQuiet) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				bytes.write(buffer, 0, read);
			}
		}
		catch (SocketTimeoutException ex) {
			if (untilQuiet) {
				return bytes.toByteArray();
			}
			throw new AssertionError("the gateway neither answered nor closed the connection: "
					+ bytes.toString(StandardCharsets.ISO_8859_1), ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * An HTTP response.
	 *
	 * @param status the status code
	 * @param headers the headers, names in lower case
	 * @param body the body (not de-chunked)
	 */
	public record Response(int status, Map<String, List<String>> headers, String body) {

		static Response parse(byte[] bytes) {
			String text = new String(bytes, StandardCharsets.UTF_8);
			int end = text.indexOf("\r\n\r\n");
			if (end < 0) {
				throw new AssertionError("not an HTTP response: " + text);
			}
			String[] lines = text.substring(0, end).split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			Map<String, List<String>> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers
					.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
							(name) -> new ArrayList<>())
					.add(lines[i].substring(colon + 1).strip());
			}
			return new Response(status, headers, text.substring(end + 4));
		}

		/**
		 * The first value of a header.
		 * @param name its name, any case
		 * @return the value, or {@code null}
		 */
		public String header(String name) {
			List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
			return (values != null) ? values.get(0) : null;
		}

	}

}
