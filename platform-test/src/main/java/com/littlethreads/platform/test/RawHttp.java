package com.littlethreads.platform.test;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP/1.1 over a plain socket, one connection per request, so a test can send what a
 * real client library refuses to: raw {@code [ ]}, spaces and non-ASCII bytes in the
 * request target, {@code %00} and overlong UTF-8, CR LF and NUL in header values, a
 * header of 100 KB, an unknown protocol version or no {@code Host} header. What the
 * server answers is read as it comes, with no client-side interpretation.
 */
public final class RawHttp {

	private static final int TIMEOUT_MILLIS = 30_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String host;

	private final int port;

	public RawHttp(String host, int port) {
		this.host = host;
		this.port = port;
	}

	/**
	 * Sends one request and reads the whole answer.
	 * @param request what to send, byte for byte
	 * @return what came back
	 * @throws IOException if the server closed the connection without an answer
	 */
	public Response exchange(Request request) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(this.host, this.port), 5_000);
			socket.setSoTimeout(TIMEOUT_MILLIS);
			OutputStream out = socket.getOutputStream();
			try {
				out.write(request.bytes(this.host + ":" + this.port));
				out.flush();
			}
			catch (IOException ex) {
				// The server may answer (a 400, a 413) and close before it has read the
				// whole request; its answer is still there to read.
			}
			return read(new BufferedInputStream(socket.getInputStream()), request.method().equals("HEAD"));
		}
	}

	/**
	 * Sends a request written out in full (request line, headers, the empty line and any
	 * body), each character as one byte (ISO-8859-1, so {@code \u0085} goes out as the
	 * byte 0x85), to 127.0.0.1.
	 * @param port the server's port on 127.0.0.1
	 * @param request the whole request
	 * @return the answer
	 */
	public static Response send(int port, String request) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
			socket.setSoTimeout(TIMEOUT_MILLIS);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			return read(new BufferedInputStream(socket.getInputStream()), request.startsWith("HEAD "));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Sends requests one after the other (pipelined) on one connection that the server
	 * keeps open, and reads until it has been quiet for a second.
	 * @param port the server's port on 127.0.0.1
	 * @param requests the requests, written out in full as for {@link #send(int, String)}
	 * @return everything the server answered, as text
	 */
	public static String sendKeepingTheConnection(int port, String requests) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
			socket.setSoTimeout(1_000);
			OutputStream out = socket.getOutputStream();
			out.write(requests.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			ByteArrayOutputStream answers = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			try {
				InputStream in = socket.getInputStream();
				for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
					answers.write(buffer, 0, read);
				}
			}
			catch (SocketTimeoutException ex) {
				// Quiet for a second: everything the server had to say is here.
			}
			return answers.toString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A GET of the request target exactly as given, with extra header lines, closing the
	 * connection after it.
	 * @param port the server's port on 127.0.0.1
	 * @param target the request target as it should appear on the wire
	 * @param headers extra header lines, such as {@code X-Request-Id: abc}
	 * @return the answer
	 */
	public static Response get(int port, String target, String... headers) {
		StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\n");
		request.append("Host: 127.0.0.1:").append(port).append("\r\n");
		for (String header : headers) {
			request.append(header).append("\r\n");
		}
		request.append("Connection: close\r\n\r\n");
		return send(port, request.toString());
	}

	private static Response read(InputStream in, boolean head) throws IOException {
		String statusLine = line(in);
		if (statusLine == null) {
			throw new IOException("The connection closed without an answer");
		}
		String[] parts = statusLine.split(" ", 3);
		if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
			throw new IOException("Not an HTTP answer: " + statusLine);
		}
		int status = Integer.parseInt(parts[1]);
		List<String[]> headers = new ArrayList<>();
		for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
			int colon = header.indexOf(':');
			if (colon > 0) {
				headers.add(new String[] { header.substring(0, colon).trim(), header.substring(colon + 1).trim() });
			}
		}
		byte[] body;
		String length = find(headers, "Content-Length");
		String encoding = find(headers, "Transfer-Encoding");
		if (head || status == 204 || status == 304 || (status >= 100 && status < 200)) {
			body = new byte[0];
		}
		else if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
			body = chunked(in);
		}
		else if (length != null) {
			body = in.readNBytes(Integer.parseInt(length.trim()));
		}
		else {
			body = in.readAllBytes();
		}
		return new Response(status, List.copyOf(headers), body);
	}

	private static byte[] chunked(InputStream in) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		while (true) {
			String size = line(in);
			if (size == null) {
				return body.toByteArray();
			}
			int semicolon = size.indexOf(';');
			int length = Integer.parseInt(((semicolon >= 0) ? size.substring(0, semicolon) : size).trim(), 16);
			if (length == 0) {
				for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
					// trailers are not needed
				}
				return body.toByteArray();
			}
			body.write(in.readNBytes(length));
			line(in);
		}
	}

	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) != -1) {
			if (b == '\n') {
				byte[] bytes = line.toByteArray();
				int end = (bytes.length > 0 && bytes[bytes.length - 1] == '\r') ? bytes.length - 1 : bytes.length;
				return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
			}
			line.write(b);
		}
		return (line.size() > 0) ? line.toString(StandardCharsets.ISO_8859_1) : null;
	}

	static String find(List<String[]> headers, String name) {
		for (String[] header : headers) {
			if (header[0].equalsIgnoreCase(name)) {
				return header[1];
			}
		}
		return null;
	}

	/**
	 * A request exactly as it goes on the wire. Header values and the target are written
	 * as UTF-8 without any checking or encoding: what they contain is sent.
	 *
	 * @param method the method
	 * @param target the request target, already encoded (or deliberately not)
	 * @param version the protocol, normally {@code HTTP/1.1}
	 * @param sendHost whether to send a {@code Host} header
	 * @param headers the headers, in order, each a name and a value
	 * @param body the body, or {@code null} for none
	 */
	public record Request(String method, String target, String version, boolean sendHost, List<String[]> headers,
			byte[] body) {

		public static Request of(String method, String target) {
			return new Request(method, target, "HTTP/1.1", true, List.of(), null);
		}

		public String header(String name) {
			return find(this.headers, name);
		}

		/**
		 * This request with a header set, replacing any of that name.
		 * @param name the header
		 * @param value its value, or {@code null} to remove it
		 * @return the new request
		 */
		public Request withHeader(String name, String value) {
			List<String[]> changed = new ArrayList<>();
			boolean replaced = false;
			for (String[] header : this.headers) {
				if (!header[0].equalsIgnoreCase(name)) {
					changed.add(header);
				}
				else if (value != null && !replaced) {
					changed.add(new String[] { name, value });
					replaced = true;
				}
			}
			if (value != null && !replaced) {
				changed.add(new String[] { name, value });
			}
			return new Request(this.method, this.target, this.version, this.sendHost, List.copyOf(changed), this.body);
		}

		byte[] bytes(String authority) {
			StringBuilder head = new StringBuilder();
			head.append(this.method).append(' ').append(this.target).append(' ').append(this.version).append("\r\n");
			if (this.sendHost) {
				head.append("Host: ").append(authority).append("\r\n");
			}
			for (String[] header : this.headers) {
				head.append(header[0]).append(": ").append(header[1]).append("\r\n");
			}
			head.append("Connection: close\r\n");
			if (this.body != null && header("Content-Length") == null && header("Transfer-Encoding") == null) {
				head.append("Content-Length: ").append(this.body.length).append("\r\n");
			}
			head.append("\r\n");
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			bytes.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
			if (this.body != null) {
				bytes.writeBytes(this.body);
			}
			return bytes.toByteArray();
		}

		/**
		 * The request as readable text, control characters and non-ASCII shown escaped,
		 * long parts shortened, to reproduce it by hand.
		 * @param limit the most characters of each long part to show
		 * @return the text
		 */
		public String describe(int limit) {
			StringBuilder text = new StringBuilder();
			text.append(this.method).append(' ').append(shorten(escape(this.target), limit)).append(' ');
			text.append(this.version).append('\n');
			if (!this.sendHost) {
				text.append("(no Host header)\n");
			}
			for (String[] header : this.headers) {
				text.append(header[0]).append(": ").append(shorten(escape(header[1]), limit)).append('\n');
			}
			if (this.body != null) {
				text.append('\n').append(shorten(escape(new String(this.body, StandardCharsets.UTF_8)), limit));
			}
			return text.toString();
		}

	}

	/**
	 * What the server answered.
	 *
	 * @param status the status code
	 * @param headers the headers, in order
	 * @param body the body, de-chunked
	 */
	public record Response(int status, List<String[]> headers, byte[] body) {

		public String header(String name) {
			return find(this.headers, name);
		}

		public List<String> headers(String name) {
			return this.headers.stream().filter((header) -> header[0].equalsIgnoreCase(name)).map((h) -> h[1]).toList();
		}

		public String contentType() {
			return header("Content-Type");
		}

		public String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		public JsonNode json() {
			return JSON.readTree(text());
		}

		public boolean successful() {
			return this.status >= 200 && this.status < 300;
		}

	}

	/**
	 * Text with control characters, non-ASCII and backslashes escaped.
	 * @param text the text
	 * @return the escaped text
	 */
	public static String escape(String text) {
		StringBuilder escaped = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\') {
				escaped.append("\\\\");
			}
			else if (c == '\r') {
				escaped.append("\\r");
			}
			else if (c == '\n') {
				escaped.append("\\n");
			}
			else if (c < 0x20 || c >= 0x7f) {
				escaped.append(String.format("\\u%04x", (int) c));
			}
			else {
				escaped.append(c);
			}
		}
		return escaped.toString();
	}

	static String shorten(String text, int limit) {
		return (text.length() <= limit) ? text
				: text.substring(0, limit) + "...(" + (text.length() - limit) + " more characters)";
	}

}
