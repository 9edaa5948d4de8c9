package com.littlethreads.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

import com.littlethreads.platform.test.HostileValues.Value;
import com.littlethreads.platform.test.OpenApiOperations.Operation;
import com.littlethreads.platform.test.OpenApiOperations.Parameter;

/**
 * Sends every operation of a running service's OpenAPI document a fixed corpus of hostile
 * values, one mutation at a time, and collects every answer that breaks the rules for bad
 * input: a 5xx; a 4xx that is not a complete {@code application/problem+json} problem
 * (type, status, request id); a stack trace, a Java class name or a framework's HTML page
 * in any body; or a 2xx for a value the shared rules refuse (a wrong JSON type, a
 * duplicate key, an unknown field, a control or bidi character in a JSON string or query
 * parameter, a foreign or broken token where a valid one was needed).
 * <p>
 * For each operation the service's test (the {@link Fixture}) gives one or more
 * <em>baselines</em>: what a valid request needs that the document cannot tell (tokens,
 * ids of existing resources, a fresh idempotency key). The engine builds the rest from
 * the schemas, checks that the baseline itself succeeds (so hostile values reach the code
 * behind the first validation), then sends it again once per mutation:
 * <ul>
 * <li>each path, query, header and cookie parameter and each form field gets each
 * {@link HostileValues} text value; each path parameter also each encoded path trick
 * ({@code %2F}, {@code %00}, {@code %5C}, {@code ..%2F}, {@code %252e}, overlong UTF-8,
 * ...);</li>
 * <li>each JSON body field, at every depth (the first element of arrays), gets each JSON
 * value; each object an unknown field and a duplicate key;</li>
 * <li>the body as a whole: empty, invalid JSON, comments, trailing data, top-level wrong
 * types, a 10,000-element array, 5,000 levels of nesting, invalid UTF-8, a 2 MB
 * field;</li>
 * <li>the content type: missing, wrong, malformed, an unknown charset;</li>
 * <li>the bearer token, on every operation: missing, junk, {@code alg: none}, tampered,
 * oversized, and the fixture's foreign tokens (signed by another key, expired, a service
 * token on a user path); refused where the baseline needed a token;</li>
 * <li>the request itself: an unknown HTTP version, no {@code Host}, a 100 KB header, a
 * folded header, raw {@code [ ]}, spaces and non-ASCII in the target, an 8 KB URL, an
 * absolute-form target; and one undocumented method per path.</li>
 * </ul>
 * Requests go over a raw socket ({@link RawHttp}), since {@code java.net.http} refuses
 * most of these. Every violation is collected; {@link Report#assertNoViolations()} fails
 * once with all of them, grouped by what came back, and the whole list is also written to
 * {@code target/hostile-inputs/<service>.txt}.
 */
public final class HostileInputs {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final String FORM = "application/x-www-form-urlencoded";

	private static final Pattern STACK_TRACE = Pattern.compile(
			"\\.java:\\d+\\)|\\bat (?:java|javax|jakarta|jdk|sun|org|com|tools|de|io|reactor)\\.[\\w$.]+\\(|Native Method\\)");

	private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:java|javax|jakarta|jdk|sun|org\\.springframework"
			+ "|org\\.apache|org\\.hibernate|org\\.bson|com\\.fasterxml|tools\\.jackson|com\\.mongodb|de\\.bwaldvogel"
			+ "|com\\.stripe|com\\.nimbusds|com\\.littlethreads|io\\.swagger|org\\.springdoc)\\.[A-Za-z_$][\\w$]*"
			+ "|\\b[A-Z][A-Za-z0-9]+(?:Exception|Error)\\b");

	private static final Pattern FRAMEWORK_PAGE = Pattern
		.compile("(?i)<!doctype html|<html|<body|Whitelabel Error Page|Apache Tomcat|HTTP Status \\d{3}");

	/**
	 * Encoded path tricks, put in place of a path parameter (or after the path of an
	 * operation without one), sent as they are.
	 */
	static final Map<String, String> PATH_TRICKS = tricks("encoded-slash", "a%2Fb", "encoded-nul", "a%00b",
			"encoded-backslash", "a%5Cb", "encoded-dot-dot-slash", "..%2F..%2Fadmin", "double-encoded-dots",
			"%252e%252e", "encoded-dots", "%2e%2e", "overlong-utf8", "%C0%AE%C0%AE%C0%AF", "invalid-utf8", "%FF%FE",
			"malformed-percent", "%zz", "trailing-percent", "a%", "encoded-crlf", "a%0D%0Ab", "matrix-parameter",
			"a;jsessionid=x", "dot-dot", "..", "dot", ".", "empty-segment", "", "raw-backslash", "a\\b", "raw-fragment",
			"a#b");

	private final RawHttp http;

	private final String service;

	private final Map<String, String> skips = new LinkedHashMap<>();

	private Fixture fixture = (operation) -> List.of(Baseline.of("anonymous", Values::new));

	private int threads = 1;

	private ExecutorService executor;

	private ApiDocument contract;

	private HostileInputs(String service, int port) {
		this.service = service;
		this.http = new RawHttp("127.0.0.1", port);
	}

	/**
	 * The suite for a service listening on loopback.
	 * @param service the service's name, for reports
	 * @param port its port
	 * @return the suite
	 */
	public static HostileInputs against(String service, int port) {
		return new HostileInputs(service, port);
	}

	public HostileInputs fixture(Fixture fixture) {
		this.fixture = fixture;
		return this;
	}

	/**
	 * Sends the mutations of a baseline this many at a time (its baseline request first,
	 * alone). The fixture's values must then be safe to make from several threads.
	 * @param threads how many requests may be in flight
	 * @return this suite
	 */
	public HostileInputs threads(int threads) {
		this.threads = threads;
		return this;
	}

	/**
	 * Leaves something out, with the reason, which every report lists.
	 * @param what an operation ({@code POST /api/checkout}), or an operation and a
	 * mutation's location ({@code POST /api/checkout @ header Idempotency-Key}), or
	 * {@code * @ <location>} for every operation
	 * @param reason why
	 * @return this suite
	 */
	public HostileInputs skip(String what, String reason) {
		this.skips.put(what, reason);
		return this;
	}

	/**
	 * Reads the document, sends every request and collects what broke the rules.
	 * @return the report
	 */
	public Report run() {
		long started = System.nanoTime();
		RawHttp.Response docs = send(RawHttp.Request.of("GET", "/v3/api-docs"));
		if (docs == null || docs.status() != 200) {
			throw new IllegalStateException("No OpenAPI document at /v3/api-docs");
		}
		OpenApiOperations document = OpenApiOperations.of(JSON.readTree(docs.body()));
		this.contract = ApiDocument.of(docs.text());
		if (document.operations().isEmpty()) {
			throw new IllegalStateException("The OpenAPI document lists no operations");
		}
		Report report = new Report(this.service, this.skips);
		Set<String> paths = new LinkedHashSet<>();
		this.executor = Executors.newFixedThreadPool(this.threads);
		try {
			runAll(document, report, paths);
		}
		finally {
			this.executor.shutdownNow();
		}
		report.elapsedMillis = (System.nanoTime() - started) / 1_000_000;
		report.write();
		return report;
	}

	private void runAll(OpenApiOperations document, Report report, Set<String> paths) {
		long order = 0;
		for (Operation operation : document.operations()) {
			paths.add(operation.path());
			String reason = this.skips.get(operation.key());
			if (reason != null) {
				continue;
			}
			List<Baseline> baselines = this.fixture.baselines(operation);
			if (baselines.isEmpty()) {
				throw new IllegalStateException("No baseline for " + operation.key()
						+ ": give one in the fixture, or skip the operation with a reason");
			}
			long operationStarted = System.nanoTime();
			int requestsBefore = report.requests.get();
			for (Baseline baseline : baselines) {
				order += 1_000_000;
				new Run(document, operation, baseline, report, order).all();
			}
			report.perOperation.put(operation.key(), "%d requests in %.1f s"
				.formatted(report.requests.get() - requestsBefore, (System.nanoTime() - operationStarted) / 1e9));
		}
		for (String path : paths) {
			order += 1_000_000;
			undocumentedMethod(document, path, report, order);
		}
	}

	/**
	 * One method the document does not list for a path, sent with the baseline of the
	 * first operation that is listed: a 405, as a problem, is expected.
	 */
	private void undocumentedMethod(OpenApiOperations document, String path, Report report, long order) {
		List<Operation> listed = document.operations().stream().filter((o) -> o.path().equals(path)).toList();
		Set<String> methods = listed.stream().map(Operation::method).collect(Collectors.toSet());
		String method = List.of("PATCH", "PUT", "DELETE", "POST", "GET")
			.stream()
			.filter((m) -> !methods.contains(m))
			.findFirst()
			.orElse(null);
		Operation operation = listed.get(0);
		if (method == null || this.skips.containsKey(operation.key())) {
			return;
		}
		Baseline baseline = this.fixture.baselines(operation).get(0);
		Run run = new Run(document, operation, baseline, report, order);
		Mutation mutation = new Mutation("method", "undocumented-" + method, null, (draft) -> draft.method = method);
		run.send(mutation, false, 1);
	}

	private RawHttp.Response send(RawHttp.Request request) {
		try {
			return this.http.exchange(request);
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static Map<String, String> tricks(String... namesAndValues) {
		Map<String, String> tricks = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			tricks.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return tricks;
	}

	/**
	 * Percent-encodes a path segment: everything but RFC 3986's unreserved characters.
	 * @param value the decoded value
	 * @return the encoded segment
	 */
	static String encodePathSegment(String value) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
					|| c == '_' || c == '~') {
				encoded.append((char) c);
			}
			else {
				encoded.append('%').append(String.format("%02X", c));
			}
		}
		return encoded.toString();
	}

	static String encodeForm(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * What one operation's test gives the engine.
	 */
	@FunctionalInterface
	public interface Fixture {

		/**
		 * The valid requests to mutate, usually one; two when an operation has two ways
		 * in (a guest and a signed-in checkout).
		 * @param operation the operation
		 * @return its baselines
		 */
		List<Baseline> baselines(Operation operation);

		/**
		 * Valid-looking tokens the operation must refuse, by name: signed by another key,
		 * expired, a service token on a user path, a customer's on an admin path. Sent in
		 * place of the baseline's bearer token.
		 * @param operation the operation
		 * @return the tokens, by name
		 */
		default Map<String, String> foreignTokens(Operation operation) {
			return Map.of();
		}

	}

	/**
	 * A named valid request. Its values are asked for before every request, so a fixture
	 * can hand out a fresh resource where a request may use one up (an order to cancel,
	 * an address to delete, an idempotency key).
	 *
	 * @param name the baseline's name, for reports
	 * @param values makes the values of one request
	 * @param sequential whether its requests must not overlap
	 */
	public record Baseline(String name, Supplier<Values> values, boolean sequential) {

		public static Baseline of(String name, Supplier<Values> values) {
			return new Baseline(name, values, false);
		}

		/**
		 * This baseline's requests go one after the other even when the suite sends in
		 * parallel, for values that chain from one answer to the next (a rotating refresh
		 * token).
		 * @return the baseline, sent sequentially
		 */
		public Baseline inSequence() {
			return new Baseline(this.name, this.values, true);
		}

	}

	/**
	 * What a valid request needs beyond the document. Anything not given is made from the
	 * schemas: required path, query and header parameters, and the whole body.
	 */
	public static final class Values {

		final Map<String, String> path = new LinkedHashMap<>();

		final Map<String, String> query = new LinkedHashMap<>();

		final Map<String, String> headers = new LinkedHashMap<>();

		final Map<String, String> cookies = new LinkedHashMap<>();

		final Map<String, String> form = new LinkedHashMap<>();

		final Map<String, JsonNode> set = new LinkedHashMap<>();

		final List<String> remove = new ArrayList<>();

		JsonNode body;

		String contentType;

		boolean anonymousAllowed;

		BiConsumer<RawHttp.Request, RawHttp.Response> after = (request, response) -> {
		};

		BiFunction<RawHttp.Request, Mutation, RawHttp.Request> finish = (request, mutation) -> request;

		public Values path(String name, String value) {
			this.path.put(name, value);
			return this;
		}

		public Values query(String name, String value) {
			this.query.put(name, value);
			return this;
		}

		public Values header(String name, String value) {
			this.headers.put(name, value);
			return this;
		}

		public Values bearer(String token) {
			return header("Authorization", "Bearer " + token);
		}

		public Values cookie(String name, String value) {
			this.cookies.put(name, value);
			return this;
		}

		public Values form(String name, String value) {
			this.form.put(name, value);
			return this;
		}

		/**
		 * The whole body, instead of one made from the schema.
		 * @param body the body
		 * @return these values
		 */
		public Values body(JsonNode body) {
			this.body = body;
			return this;
		}

		/**
		 * One value of the body made from the schema (or given with {@link #body}).
		 * @param pointer a JSON pointer, for example {@code /lines/0/sku}
		 * @param value the value: a string, a number, a boolean, or a {@link JsonNode}
		 * @return these values
		 */
		public Values set(String pointer, Object value) {
			this.set.put(pointer, (value instanceof JsonNode node) ? node : JSON.valueToTree(value));
			return this;
		}

		/**
		 * Leaves an optional body field out.
		 * @param pointer a JSON pointer
		 * @return these values
		 */
		public Values remove(String pointer) {
			this.remove.add(pointer);
			return this;
		}

		public Values contentType(String contentType) {
			this.contentType = contentType;
			return this;
		}

		/**
		 * The operation also serves anonymous callers, so a request without the
		 * baseline's token may succeed.
		 * @return these values
		 */
		public Values anonymousAllowed() {
			this.anonymousAllowed = true;
			return this;
		}

		/**
		 * Called with every request made from these values and its answer ({@code null}
		 * when the connection closed without one), for example to hand out a fresh
		 * resource after one was used up, or to give back a borrowed one.
		 * @param after the callback
		 * @return these values
		 */
		public Values afterResponse(BiConsumer<RawHttp.Request, RawHttp.Response> after) {
			this.after = after;
			return this;
		}

		/**
		 * Changes each request last, after its mutation, for example to sign the body as
		 * it now is.
		 * @param finish the change
		 * @return these values
		 */
		public Values finish(BiFunction<RawHttp.Request, Mutation, RawHttp.Request> finish) {
			this.finish = finish;
			return this;
		}

	}

	/**
	 * Resources requests change or use up (an account to edit, an order to cancel, a
	 * product whose version moves), each lent to one request at a time and given back
	 * after its answer: as it was, as the answer left it, or replaced by a fresh one.
	 * Parallel requests then never meet each other's changes, so every run reports the
	 * same violations.
	 *
	 * @param <T> the resource
	 */
	public static final class Pool<T> {

		private final Supplier<T> make;

		private final BlockingQueue<T> free = new LinkedBlockingQueue<>();

		/**
		 * A pool of as many resources as requests may be in flight.
		 * @param size how many
		 * @param make makes one
		 */
		public Pool(int size, Supplier<T> make) {
			this.make = make;
			for (int i = 0; i < size; i++) {
				this.free.add(make.get());
			}
		}

		/**
		 * Values for a request that borrows a resource.
		 * @param values the values, made with the borrowed resource
		 * @param giveBack what to give back, from the resource and the answer
		 * ({@code null} when none came): the same resource, an updated one, or
		 * {@code null} for a fresh one
		 * @return the values
		 */
		public Values lend(Function<T, Values> values, BiFunction<T, RawHttp.Response, T> giveBack) {
			T lent = borrow();
			Values made = values.apply(lent);
			BiConsumer<RawHttp.Request, RawHttp.Response> after = made.after;
			return made.afterResponse((request, response) -> {
				try {
					after.accept(request, response);
				}
				finally {
					T back = giveBack.apply(lent, response);
					this.free.add((back != null) ? back : this.make.get());
				}
			});
		}

		/**
		 * Values for a request that borrows a resource and gives it back as it is.
		 * @param values the values, made with the borrowed resource
		 * @return the values
		 */
		public Values lend(Function<T, Values> values) {
			return lend(values, (lent, response) -> lent);
		}

		/**
		 * Values for a request that uses its resource up when it succeeds (a delete, a
		 * cancel, a refund): a fresh one takes its place then.
		 * @param values the values, made with the borrowed resource
		 * @return the values
		 */
		public Values lendUntilUsedUp(Function<T, Values> values) {
			return lend(values, (lent, response) -> (response != null && response.successful()) ? null : lent);
		}

		private T borrow() {
			try {
				T lent = this.free.poll(60, TimeUnit.SECONDS);
				if (lent == null) {
					throw new IllegalStateException("Nothing was given back to the pool within a minute");
				}
				return lent;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

	/**
	 * One change to a baseline request.
	 *
	 * @param location what is changed, for example {@code body /lines/0/sku},
	 * {@code query q}, {@code header Idempotency-Key}, {@code token}, {@code target}
	 * @param value the class of the hostile value
	 * @param refusal why the shared rules refuse the request, or {@code null} when only
	 * the general rules apply (no 5xx, problems, no leaks)
	 * @param apply makes the change
	 */
	public record Mutation(String location, String value, String refusal, Consumer<Draft> apply) {

	}

	/**
	 * A request being built, which a mutation changes.
	 */
	public static final class Draft {

		String method;

		String version = "HTTP/1.1";

		boolean host = true;

		String path;

		final Map<String, String> pathSegments = new LinkedHashMap<>();

		String pathSuffix = "";

		final List<String[]> query = new ArrayList<>();

		String rawQuery = "";

		final List<String[]> headers = new ArrayList<>();

		final Map<String, String> cookies = new LinkedHashMap<>();

		String contentType;

		JsonNode json;

		List<String[]> form;

		byte[] rawBody;

		String targetOverride;

		String header(String name) {
			return RawHttp.find(this.headers, name);
		}

		void header(String name, String value) {
			this.headers.removeIf((header) -> header[0].equalsIgnoreCase(name));
			if (value != null) {
				this.headers.add(new String[] { name, value });
			}
		}

		void query(String name, String encodedValue) {
			this.query.removeIf((pair) -> pair[0].equals(encodeForm(name)));
			this.query.add(new String[] { encodeForm(name), encodedValue });
		}

		boolean hasBody() {
			return this.json != null || this.form != null || this.rawBody != null;
		}

		String jsonText() {
			return JSON.writeValueAsString(this.json);
		}

		RawHttp.Request render() {
			String target = this.targetOverride;
			if (target == null) {
				StringBuilder built = new StringBuilder();
				Matcher matcher = Pattern.compile("\\{([^}]+)}").matcher(this.path);
				while (matcher.find()) {
					matcher.appendReplacement(built,
							Matcher.quoteReplacement(this.pathSegments.getOrDefault(matcher.group(1), "")));
				}
				matcher.appendTail(built);
				built.append(this.pathSuffix);
				String query = this.query.stream()
					.map((pair) -> pair[0] + "=" + pair[1])
					.collect(Collectors.joining("&"));
				String all = query.isEmpty() ? this.rawQuery
						: (this.rawQuery.isEmpty() ? query : query + "&" + this.rawQuery);
				target = built + (all.isEmpty() ? "" : "?" + all);
			}
			List<String[]> headers = new ArrayList<>(this.headers);
			if (!this.cookies.isEmpty()) {
				headers.add(new String[] { "Cookie",
						this.cookies.entrySet()
							.stream()
							.map((cookie) -> cookie.getKey() + "=" + cookie.getValue())
							.collect(Collectors.joining("; ")) });
			}
			byte[] body = null;
			if (this.rawBody != null) {
				body = this.rawBody;
			}
			else if (this.json != null) {
				body = jsonText().getBytes(StandardCharsets.UTF_8);
			}
			else if (this.form != null) {
				body = this.form.stream()
					.map((pair) -> encodeForm(pair[0]) + "=" + encodeForm(pair[1]))
					.collect(Collectors.joining("&"))
					.getBytes(StandardCharsets.UTF_8);
			}
			if (body != null && this.contentType != null) {
				headers.add(new String[] { "Content-Type", this.contentType });
			}
			return new RawHttp.Request(this.method, target, this.version, this.host, List.copyOf(headers), body);
		}

	}

	/**
	 * The requests of one baseline of one operation.
	 */
	private final class Run {

		private final OpenApiOperations document;

		private final Operation operation;

		private final Baseline baseline;

		private final Report report;

		private boolean baselineSucceeded;

		private boolean baselineHadToken;

		private final long order;

		Run(OpenApiOperations document, Operation operation, Baseline baseline, Report report, long order) {
			this.document = document;
			this.operation = operation;
			this.baseline = baseline;
			this.report = report;
			this.order = order;
		}

		void all() {
			Values values = this.baseline.values().get();
			Draft prototype = draft(values);
			this.baselineHadToken = prototype.header("Authorization") != null;
			Exchange exchange = exchange(values, prototype, null);
			this.baselineSucceeded = exchange.response() != null && exchange.response().successful();
			check(null, exchange,
					this.baselineSucceeded ? null
							: "baseline-refused: the valid request the fixture describes did not succeed, so hostile "
									+ "values may not reach the code behind it",
					0);
			List<Mutation> mutations = mutations(prototype);
			List<Callable<Void>> sends = new ArrayList<>();
			for (int i = 0; i < mutations.size(); i++) {
				Mutation mutation = mutations.get(i);
				int index = i + 1;
				if (!skipped(mutation)) {
					sends.add(() -> {
						send(mutation, true, index);
						return null;
					});
				}
			}
			if (HostileInputs.this.threads == 1 || this.baseline.sequential()) {
				for (Callable<Void> send : sends) {
					call(send);
				}
			}
			else {
				try {
					for (Future<Void> sent : HostileInputs.this.executor.invokeAll(sends)) {
						sent.get();
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(ex);
				}
				catch (ExecutionException ex) {
					throw new IllegalStateException(ex.getCause());
				}
			}
		}

		private static void call(Callable<Void> send) {
			try {
				send.call();
			}
			catch (Exception ex) {
				throw (ex instanceof RuntimeException runtime) ? runtime : new IllegalStateException(ex);
			}
		}

		private boolean skipped(Mutation mutation) {
			for (String what : List.of(this.operation.key() + " @ " + mutation.location(), "* @ " + mutation.location(),
					this.operation.key() + " @ " + mutation.value(), "* @ " + mutation.value())) {
				if (HostileInputs.this.skips.containsKey(what)) {
					return true;
				}
			}
			return false;
		}

		void send(Mutation mutation, boolean judgeRefusal, int index) {
			Values values = this.baseline.values().get();
			Draft draft = draft(values);
			mutation.apply().accept(draft);
			Exchange exchange = exchange(values, draft, mutation);
			RawHttp.Response response = exchange.response();
			boolean accepted = judgeRefusal && mutation.refusal() != null && this.baselineSucceeded && response != null
					&& response.successful() && !(mutation.value().equals("no-token") && values.anonymousAllowed);
			check(mutation, exchange, accepted ? "accepted: must be refused, " + mutation.refusal() : null, index);
		}

		private Exchange exchange(Values values, Draft draft, Mutation mutation) {
			RawHttp.Request request = values.finish.apply(draft.render(), mutation);
			RawHttp.Response response = HostileInputs.this.send(request);
			this.report.requests.incrementAndGet();
			values.after.accept(request, response);
			return new Exchange(request, response);
		}

		/**
		 * Adds one violation for the answer if it breaks any rule, naming every rule it
		 * breaks.
		 */
		private void check(Mutation mutation, Exchange exchange, String alsoBroken, int index) {
			RawHttp.Response response = exchange.response();
			List<String> kinds = new ArrayList<>();
			List<String> notes = new ArrayList<>();
			if (response == null) {
				kinds.add("no-answer");
			}
			else {
				int status = response.status();
				String contentType = (response.contentType() != null) ? response.contentType() : "";
				String body = response.text();
				// One 5xx is the right answer to bad input, as long as it is a complete
				// problem: 505 to a request in an HTTP version the server does not speak
				// (RFC 9110, 15.6.6). Any other 5xx is a fault.
				boolean versionRefused = status == 505 && "unknown-http-version".equals(mutation.value());
				if (status >= 500 && !versionRefused) {
					kinds.add("5xx");
				}
				if (status >= 400 && status < 500 || versionRefused) {
					if (!contentType.startsWith("application/problem+json")) {
						kinds.add("4xx-not-problem");
					}
					else if (!exchange.request().method().equals("HEAD")) {
						String missing = incompleteProblem(status, body);
						if (missing != null) {
							kinds.add("incomplete-problem");
							notes.add(missing);
						}
					}
				}
				// An answer to a request in an HTTP version the server does not speak is
				// the connection's, not an operation's: no document lists it.
				List<String> disagreements = versionRefused ? List.of() : disagreements(exchange);
				if (!disagreements.isEmpty()) {
					kinds.add("undocumented-answer");
					notes.add(String.join("; ", disagreements));
				}
				leak(body, STACK_TRACE, "stack-trace", kinds, notes);
				leak(body, CLASS_NAME, "class-name", kinds, notes);
				leak(body, FRAMEWORK_PAGE, "framework-page", kinds, notes);
			}
			if (alsoBroken != null) {
				int colon = alsoBroken.indexOf(':');
				kinds.add(alsoBroken.substring(0, colon));
				notes.add(alsoBroken.substring(colon + 2));
			}
			if (!kinds.isEmpty()) {
				this.report.add(this.order + index, violation(mutation, String.join("+", kinds), exchange,
						notes.isEmpty() ? null : String.join("; ", notes)));
			}
		}

		/**
		 * Where the answer and the service's own document disagree (Atlassian's checker,
		 * as every other HTTP test of a service uses it): an undocumented status or media
		 * type, or a body off its schema. Whether a hostile request should have been
		 * accepted is judged by this suite's own rules above, not by the document: the
		 * services accept more than the documents advertise on purpose (unknown query
		 * parameters, {@code null} for an optional field, a blank optional parameter
		 * taken as absent), which a generated client never trips over.
		 */
		private List<String> disagreements(Exchange exchange) {
			RawHttp.Request request = exchange.request();
			RawHttp.Response response = exchange.response();
			List<String> headers = new ArrayList<>();
			for (String[] header : request.headers()) {
				headers.add(header[0]);
				headers.add(header[1]);
			}
			Map<String, List<String>> answerHeaders = new LinkedHashMap<>();
			for (String[] header : response.headers()) {
				answerHeaders.computeIfAbsent(header[0], (name) -> new ArrayList<>()).add(header[1]);
			}
			try {
				return HostileInputs.this.contract.answerDisagreements(request.method(), request.target(),
						headers.toArray(String[]::new),
						(request.body() != null) ? new String(request.body(), StandardCharsets.UTF_8) : null,
						response.status(), answerHeaders, response.text());
			}
			catch (IllegalArgumentException | IllegalStateException ex) {
				// A request the checker cannot even read (a broken percent-escape, two
				// charsets in one Content-Type): the rules above are all that apply.
				return List.of();
			}
		}

		private void leak(String body, Pattern pattern, String kind, List<String> kinds, List<String> notes) {
			Matcher matcher = pattern.matcher(body);
			if (matcher.find()) {
				kinds.add(kind);
				notes.add("found " + matcher.group());
			}
		}

		private static String incompleteProblem(int status, String body) {
			JsonNode problem;
			try {
				problem = JSON.readTree(body);
			}
			catch (RuntimeException ex) {
				return "the body is not JSON";
			}
			if (problem == null || !problem.isObject()) {
				return "the body is not a JSON object";
			}
			if (problem.path("status").asInt(-1) != status) {
				return "its status member is not " + status;
			}
			if (!problem.path("type").isString() || !problem.path("title").isString()) {
				return "it has no type or title";
			}
			if (!problem.path("requestId").isString()) {
				return "it has no requestId";
			}
			return null;
		}

		private Violation violation(Mutation mutation, String kind, Exchange exchange, String note) {
			RawHttp.Request request = exchange.request();
			RawHttp.Response response = exchange.response();
			return new Violation(this.operation.key(), this.baseline.name(),
					(mutation != null) ? mutation.location() : "baseline", (mutation != null) ? mutation.value() : "-",
					kind, (response != null) ? response.status() : 0,
					(response != null && response.contentType() != null) ? response.contentType() : "",
					(response != null) ? RawHttp.shorten(RawHttp.escape(response.text()), 300) : "", note,
					request.describe(200));
		}

		/**
		 * The baseline request, made from the fixture's values and the schemas.
		 */
		private Draft draft(Values values) {
			Draft draft = new Draft();
			draft.method = this.operation.method();
			draft.path = this.operation.path();
			for (Parameter parameter : this.operation.parameters("path")) {
				String value = values.path.containsKey(parameter.name()) ? values.path.get(parameter.name())
						: text(this.document.example(parameter.schema(), "path " + parameter.name()));
				draft.pathSegments.put(parameter.name(), encodePathSegment(value));
			}
			for (Parameter parameter : this.operation.parameters("query")) {
				if (values.query.containsKey(parameter.name())) {
					draft.query.add(new String[] { encodeForm(parameter.name()),
							encodeForm(values.query.get(parameter.name())) });
				}
				else if (parameter.required()) {
					JsonNode example = this.document.example(parameter.schema(), "query " + parameter.name());
					for (JsonNode each : example.isArray() ? example.values() : List.of(example)) {
						draft.query.add(new String[] { encodeForm(parameter.name()), encodeForm(text(each)) });
					}
				}
			}
			values.query.forEach((name, value) -> {
				if (this.operation.parameters("query").stream().noneMatch((p) -> p.name().equals(name))) {
					draft.query.add(new String[] { encodeForm(name), encodeForm(value) });
				}
			});
			values.headers.forEach(draft::header);
			for (Parameter parameter : this.operation.parameters("header")) {
				if (parameter.required() && draft.header(parameter.name()) == null) {
					draft.header(parameter.name(),
							text(this.document.example(parameter.schema(), "header " + parameter.name())));
				}
			}
			draft.cookies.putAll(values.cookies);
			String mediaType = (values.contentType != null) ? values.contentType : this.operation.bodyMediaType();
			if (FORM.equals(mediaType)) {
				draft.contentType = FORM;
				Map<String, String> form = new LinkedHashMap<>();
				if (values.form.isEmpty() && this.operation.bodySchema() != null) {
					this.operation.bodySchema()
						.path("properties")
						.propertyNames()
						.forEach((name) -> form.put(name, "hostile"));
				}
				form.putAll(values.form);
				draft.form = new ArrayList<>();
				form.forEach((name, value) -> draft.form.add(new String[] { name, value }));
			}
			else if (values.body != null || this.operation.bodySchema() != null) {
				draft.contentType = (mediaType == null || mediaType.contains("*")) ? "application/json" : mediaType;
				JsonNode body = (values.body != null) ? values.body.deepCopy()
						: this.document.example(this.operation.bodySchema(), "body");
				values.set.forEach((pointer, value) -> replace(draft, body, pointer, value.deepCopy()));
				values.remove.forEach((pointer) -> remove(body, pointer));
				draft.json = body;
			}
			return draft;
		}

		private List<Mutation> mutations(Draft prototype) {
			List<Mutation> mutations = new ArrayList<>();
			for (Parameter parameter : this.operation.parameters("path")) {
				String name = parameter.name();
				for (Value value : HostileValues.forText()) {
					mutations.add(new Mutation("path " + name, value.name(), null,
							(draft) -> draft.pathSegments.put(name, encodePathSegment(value.text()))));
				}
				PATH_TRICKS.forEach((trick, raw) -> mutations
					.add(new Mutation("path " + name, trick, null, (draft) -> draft.pathSegments.put(name, raw))));
			}
			if (this.operation.parameters("path").isEmpty()) {
				PATH_TRICKS.forEach((trick, raw) -> mutations
					.add(new Mutation("path suffix", trick, null, (draft) -> draft.pathSuffix = "/" + raw)));
			}
			for (Parameter parameter : this.operation.parameters("query")) {
				queryMutations(parameter, mutations);
			}
			for (Parameter parameter : this.operation.parameters("header")) {
				String name = parameter.name();
				for (Value value : HostileValues.forText()) {
					mutations.add(new Mutation("header " + name, value.name(), null,
							(draft) -> draft.header(name, value.text())));
				}
			}
			for (Parameter parameter : this.operation.parameters("cookie")) {
				String name = parameter.name();
				for (Value value : HostileValues.forText()) {
					mutations.add(new Mutation("cookie " + name, value.name(), null,
							(draft) -> draft.cookies.put(name, value.text())));
				}
			}
			if (prototype.json != null) {
				jsonMutations(prototype, mutations);
			}
			if (prototype.form != null) {
				formMutations(prototype, mutations);
			}
			if (prototype.hasBody()) {
				contentTypeMutations(prototype, mutations);
			}
			// Public operations too: a broken token must not break them either.
			tokenMutations(mutations);
			requestMutations(mutations);
			return mutations;
		}

		private void queryMutations(Parameter parameter, List<Mutation> mutations) {
			String name = parameter.name();
			for (Value value : HostileValues.forText()) {
				String refusal = value.refusedAsParameter() ? "a control or bidi character in a query parameter" : null;
				mutations.add(new Mutation("query " + name, value.name(), refusal,
						(draft) -> draft.query(name, encodeForm(value.text()))));
			}
			String example = text(first(this.document.example(parameter.schema(), "query " + name)));
			mutations.add(new Mutation("query " + name, "repeated", null, (draft) -> {
				draft.query(name, encodeForm(example));
				draft.query.add(new String[] { encodeForm(name), encodeForm(example) });
			}));
			mutations.add(new Mutation("query " + name, "10k-repetitions", null,
					(draft) -> draft.rawQuery = IntStream.range(0, 10_000)
						.mapToObj((i) -> encodeForm(name) + "=" + encodeForm(example))
						.collect(Collectors.joining("&"))));
		}

		private void jsonMutations(Draft prototype, List<Mutation> mutations) {
			JsonNode schema = this.operation.bodySchema();
			List<String> pointers = new ArrayList<>();
			walk(prototype.json, "", pointers);
			for (String pointer : pointers) {
				JsonNode fieldSchema = this.document.schemaAt(schema, pointer);
				for (Value value : HostileValues.forJson()) {
					String refusal = refusal(fieldSchema, value);
					mutations.add(new Mutation("body " + pointer, value.name(), refusal, (draft) -> replace(draft,
							draft.json, pointer, raw(jsonFor(draft.json.at(pointer), value)))));
				}
			}
			List<String> objects = new ArrayList<>();
			objects.add("");
			pointers.stream().filter((pointer) -> prototype.json.at(pointer).isObject()).forEach(objects::add);
			for (String pointer : objects) {
				JsonNode objectSchema = this.document.schemaAt(schema, pointer);
				boolean closed = objectSchema != null && objectSchema.has("properties")
						&& !objectSchema.path("additionalProperties").isObject()
						&& !objectSchema.path("additionalProperties").asBoolean(false);
				JsonNode object = prototype.json.at(pointer);
				if (!object.isObject()) {
					continue;
				}
				String where = pointer.isEmpty() ? "body" : "body " + pointer;
				mutations.add(new Mutation(where, "unknown-field", closed ? "an unknown field" : null,
						(draft) -> ((ObjectNode) draft.json.at(pointer)).put("hostileUnknownField", "x")));
				if (!object.isEmpty()) {
					mutations.add(new Mutation(where, "duplicate-key", closed ? "a duplicate key" : null,
							(draft) -> duplicateFirstKey(draft, pointer)));
				}
			}
			mutations.add(new Mutation("body", "operator-field",
					(schema != null && schema.has("properties")) ? "an unknown field" : null,
					(draft) -> ((ObjectNode) draft.json).set("$where", NODES.stringNode("sleep(1000) || true"))));
			String text = prototype.jsonText();
			String firstString = pointers.stream()
				.filter((pointer) -> prototype.json.at(pointer).isString())
				.findFirst()
				.orElse(null);
			String firstLeaf = pointers.stream()
				.filter((pointer) -> prototype.json.at(pointer).isValueNode())
				.findFirst()
				.orElse(null);
			wholeBody(mutations, "empty", (draft) -> draft.rawBody = new byte[0]);
			wholeBody(mutations, "truncated-json", (draft) -> draft.rawBody = bytes(half(draft.jsonText())));
			wholeBody(mutations, "single-quotes",
					(draft) -> draft.rawBody = bytes(draft.jsonText().replace('"', '\'')));
			wholeBody(mutations, "trailing-garbage", (draft) -> draft.rawBody = bytes(draft.jsonText() + " garbage"));
			wholeBody(mutations, "comment", (draft) -> draft.rawBody = bytes("/* hostile */ " + draft.jsonText()));
			wholeBody(mutations, "top-level-null", (draft) -> draft.rawBody = bytes("null"));
			wholeBody(mutations, "top-level-string", (draft) -> draft.rawBody = bytes("\"text\""));
			wholeBody(mutations, "top-level-number", (draft) -> draft.rawBody = bytes("12345"));
			wholeBody(mutations, "top-level-array",
					(draft) -> draft.rawBody = bytes(text.startsWith("[") ? "{}" : "[" + draft.jsonText() + "]"));
			wholeBody(mutations, "top-level-10k-array", (draft) -> draft.rawBody = bytes(
					"[" + IntStream.range(0, 10_000).mapToObj((i) -> "{}").collect(Collectors.joining(",")) + "]"));
			wholeBody(mutations, "5000-deep-nesting",
					(draft) -> draft.rawBody = bytes("[".repeat(5000) + "]".repeat(5000)));
			if (firstLeaf != null) {
				wholeBody(mutations, "nan-literal", (draft) -> replace(draft, draft.json, firstLeaf, raw("NaN")));
			}
			if (firstString != null) {
				wholeBody(mutations, "invalid-utf8", (draft) -> {
					replace(draft, draft.json, firstString, raw("\"@@invalid@@\""));
					String json = draft.jsonText();
					int at = json.indexOf("@@invalid@@");
					byte[] before = bytes(json.substring(0, at));
					byte[] after = bytes(json.substring(at + "@@invalid@@".length()));
					byte[] body = new byte[before.length + 4 + after.length];
					System.arraycopy(before, 0, body, 0, before.length);
					body[before.length] = (byte) 0xC0;
					body[before.length + 1] = (byte) 0xAE;
					body[before.length + 2] = (byte) 0xFF;
					body[before.length + 3] = (byte) 0xFE;
					System.arraycopy(after, 0, body, before.length + 4, after.length);
					draft.rawBody = body;
				});
				wholeBody(mutations, "2mb-string", (draft) -> replace(draft, draft.json, firstString,
						NODES.stringNode("a".repeat(2 * 1024 * 1024))));
			}
		}

		private void formMutations(Draft prototype, List<Mutation> mutations) {
			for (String[] field : prototype.form) {
				String name = field[0];
				for (Value value : HostileValues.forText()) {
					mutations.add(new Mutation("form " + name, value.name(), null, (draft) -> {
						for (String[] pair : draft.form) {
							if (pair[0].equals(name)) {
								pair[1] = value.text();
							}
						}
					}));
				}
				mutations.add(new Mutation("form " + name, "repeated", null,
						(draft) -> draft.form.add(new String[] { name, "other" })));
			}
			wholeBody(mutations, "empty", (draft) -> draft.rawBody = new byte[0]);
			wholeBody(mutations, "malformed-percent", (draft) -> draft.rawBody = bytes("a=%zz&b=%"));
			wholeBody(mutations, "json-as-form", (draft) -> draft.rawBody = bytes("{\"a\": 1}"));
			wholeBody(mutations, "10k-fields", (draft) -> draft.rawBody = bytes(
					IntStream.range(0, 10_000).mapToObj((i) -> "f" + i + "=x").collect(Collectors.joining("&"))));
		}

		private void contentTypeMutations(Draft prototype, List<Mutation> mutations) {
			Map<String, String> types = new LinkedHashMap<>();
			types.put("missing", null);
			types.put("text-plain", "text/plain");
			types.put("xml", "application/xml");
			types.put("other", FORM.equals(prototype.contentType) ? "application/json" : FORM);
			types.put("multipart-without-boundary", "multipart/form-data");
			types.put("wildcard", "*/*");
			types.put("malformed", ";;;/");
			types.put("unknown-charset", prototype.contentType + "; charset=x-hostile-charset");
			types.forEach((name, type) -> mutations
				.add(new Mutation("content-type", name, null, (draft) -> draft.contentType = type)));
		}

		private void tokenMutations(List<Mutation> mutations) {
			String refusal = this.baselineHadToken ? "a missing, broken or foreign token" : null;
			mutations.add(new Mutation("token", "no-token", refusal, (draft) -> draft.header("Authorization", null)));
			Map<String, java.util.function.UnaryOperator<String>> broken = new LinkedHashMap<>();
			broken.put("junk", (token) -> "Bearer junk");
			broken.put("empty-bearer", (token) -> "Bearer ");
			broken.put("basic-scheme", (token) -> "Basic " + base64("hostile:hostile"));
			broken.put("three-dots", (token) -> "Bearer a.b.c");
			broken.put("alg-none", (token) -> "Bearer " + algNone(token));
			broken.put("tampered-payload", (token) -> "Bearer " + tampered(token));
			broken.put("truncated-signature",
					(token) -> "Bearer " + token.substring(0, Math.max(1, token.length() - 8)));
			broken.put("nul-in-token", (token) -> "Bearer a\u0000b");
			broken.put("100kb-token", (token) -> "Bearer " + HostileValues.HUNDRED_KB);
			broken.forEach((name, make) -> mutations.add(new Mutation("token", name, refusal,
					(draft) -> draft.header("Authorization", make.apply(bearer(draft))))));
			HostileInputs.this.fixture.foreignTokens(this.operation)
				.forEach((name, token) -> mutations.add(new Mutation("token", name, refusal,
						(draft) -> draft.header("Authorization", "Bearer " + token))));
		}

		private void requestMutations(List<Mutation> mutations) {
			mutations.add(new Mutation("request", "unknown-http-version", null, (draft) -> draft.version = "HTTP/9.9"));
			mutations.add(new Mutation("request", "no-host-header", null, (draft) -> draft.host = false));
			mutations.add(new Mutation("request", "100kb-header", null,
					(draft) -> draft.header("X-Hostile-Filler", HostileValues.HUNDRED_KB)));
			mutations.add(new Mutation("request", "folded-header", null,
					(draft) -> draft.header("X-Hostile-Folded", "a\r\n b")));
			mutations.add(new Mutation("request", "nul-in-header", null,
					(draft) -> draft.header("X-Hostile-Nul", "a\u0000b")));
			mutations
				.add(new Mutation("target", "raw-brackets-in-query", null, (draft) -> draft.rawQuery = "x[y]=1&z=["));
			mutations.add(new Mutation("target", "raw-space", null, (draft) -> draft.pathSuffix = "/a b"));
			mutations.add(new Mutation("target", "raw-non-ascii", null, (draft) -> draft.pathSuffix = "/é"));
			mutations
				.add(new Mutation("target", "8kb-url", null, (draft) -> draft.rawQuery = "pad=" + "a".repeat(9000)));
			mutations.add(new Mutation("target", "absolute-form", null,
					(draft) -> draft.targetOverride = "http://hostile.example" + draft.render().target()));
		}

		private void wholeBody(List<Mutation> mutations, String name, Consumer<Draft> change) {
			mutations.add(new Mutation("body", name, null, change));
		}

		private static String bearer(Draft draft) {
			String authorization = draft.header("Authorization");
			if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
				return authorization.substring(7);
			}
			return TestJwts.token("hostile-suite");
		}

	}

	/**
	 * Why the shared rules refuse a value in a field of this schema, or {@code null}.
	 */
	static String refusal(JsonNode schema, Value value) {
		if (schema == null) {
			return null;
		}
		String type = OpenApiOperations.type(schema);
		if (type == null || value.kind().equals("null")) {
			return null;
		}
		if (!compatible(type, value.kind())) {
			return "a JSON " + value.kind() + " for a field of type " + type;
		}
		if (type.equals("string") && value.refusedInText()) {
			return "a control or bidi character in a JSON string";
		}
		if (type.equals("integer")) {
			if (!value.integral()) {
				return "a non-integral number for an integer field";
			}
			java.math.BigInteger number = new java.math.BigInteger(value.json());
			boolean int32 = "int32".equals(schema.path("format").asString(""));
			java.math.BigInteger min = java.math.BigInteger.valueOf(int32 ? Integer.MIN_VALUE : Long.MIN_VALUE);
			java.math.BigInteger max = java.math.BigInteger.valueOf(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE);
			if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
				return "a number beyond the field's " + (int32 ? "int32" : "int64") + " range";
			}
		}
		return null;
	}

	private static boolean compatible(String type, String kind) {
		return switch (type) {
			case "integer", "number" -> kind.equals("number");
			default -> kind.equals(type);
		};
	}

	private static void walk(JsonNode node, String pointer, List<String> pointers) {
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				String child = pointer + "/" + property.getKey().replace("~", "~0").replace("/", "~1");
				pointers.add(child);
				walk(property.getValue(), child, pointers);
			}
		}
		else if (node.isArray() && !node.isEmpty()) {
			pointers.add(pointer + "/0");
			walk(node.get(0), pointer + "/0", pointers);
		}
	}

	/**
	 * The JSON for a value put in place of a node: a 10,000-element array repeats the
	 * node's own first element when it is a non-empty array, so the elements are valid.
	 */
	private static String jsonFor(JsonNode current, Value value) {
		if (value.name().equals("10k-array") && current.isArray() && !current.isEmpty()) {
			String element = JSON.writeValueAsString(current.get(0));
			return "[" + IntStream.range(0, 10_000).mapToObj((i) -> element).collect(Collectors.joining(",")) + "]";
		}
		return value.json();
	}

	private static JsonNode raw(String json) {
		return NODES.rawValueNode(new RawValue(json));
	}

	private static void replace(Draft draft, JsonNode root, String pointer, JsonNode value) {
		if (pointer.isEmpty()) {
			throw new IllegalArgumentException("Cannot replace the whole body");
		}
		int slash = pointer.lastIndexOf('/');
		JsonNode parent = root.at(pointer.substring(0, slash));
		String name = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
		if (parent instanceof ObjectNode object) {
			object.set(name, value);
		}
		else if (parent instanceof ArrayNode array) {
			int index = Integer.parseInt(name);
			while (array.size() <= index) {
				array.addNull();
			}
			array.set(index, value);
		}
		else {
			throw new IllegalArgumentException("No place for " + pointer + " in " + root);
		}
	}

	private static void remove(JsonNode root, String pointer) {
		int slash = pointer.lastIndexOf('/');
		JsonNode parent = root.at(pointer.substring(0, slash));
		String name = pointer.substring(slash + 1);
		if (parent instanceof ObjectNode object) {
			object.remove(name);
		}
		else if (parent instanceof ArrayNode array) {
			array.remove(Integer.parseInt(name));
		}
	}

	/**
	 * Writes the object at the pointer with its first key twice, the second time with the
	 * same value, which a tree cannot hold.
	 */
	private static void duplicateFirstKey(Draft draft, String pointer) {
		JsonNode object = draft.json.at(pointer);
		Map.Entry<String, JsonNode> first = object.properties().iterator().next();
		String text = JSON.writeValueAsString(object);
		String duplicated = text.substring(0, text.length() - 1) + "," + HostileValues.quote(first.getKey()) + ":"
				+ JSON.writeValueAsString(first.getValue()) + "}";
		if (pointer.isEmpty()) {
			draft.rawBody = bytes(duplicated);
		}
		else {
			replace(draft, draft.json, pointer, raw(duplicated));
		}
	}

	private static String algNone(String token) {
		String[] parts = token.split("\\.");
		String header = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(bytes("{\"alg\":\"none\",\"typ\":\"JWT\"}"));
		return header + "." + ((parts.length > 1) ? parts[1] : "") + ".";
	}

	private static String tampered(String token) {
		String[] parts = token.split("\\.");
		if (parts.length < 3) {
			return token + "x";
		}
		JsonNode claims;
		try {
			claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
		}
		catch (RuntimeException ex) {
			return token + "x";
		}
		ObjectNode changed = ((ObjectNode) claims).deepCopy();
		changed.put("sub", "someone-else");
		changed.set("roles", NODES.arrayNode().add("CUSTOMER").add("ADMIN"));
		return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(changed.toString())) + "."
				+ parts[2];
	}

	private static JsonNode first(JsonNode node) {
		return (node.isArray() && !node.isEmpty()) ? node.get(0) : node;
	}

	private static String text(JsonNode node) {
		return node.isValueNode() ? node.asString() : node.toString();
	}

	private static String half(String text) {
		return text.substring(0, Math.max(1, text.length() / 2));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(bytes(text));
	}

	/**
	 * A request as sent and its answer, {@code null} when there was none.
	 */
	private record Exchange(RawHttp.Request request, RawHttp.Response response) {

	}

	/**
	 * One answer that broke a rule.
	 *
	 * @param operation the operation, {@code METHOD /path}
	 * @param baseline the baseline's name
	 * @param location what was changed
	 * @param value the class of the hostile value
	 * @param kind which rule: {@code 5xx}, {@code 4xx-not-problem},
	 * {@code incomplete-problem}, {@code stack-trace}, {@code class-name},
	 * {@code framework-page}, {@code accepted}, {@code baseline-refused},
	 * {@code no-answer}
	 * @param status the status, 0 for no answer
	 * @param contentType the answer's content type
	 * @param body the start of the answer's body, escaped
	 * @param note what exactly is wrong, or {@code null}
	 * @param request the request that got the answer, shortened, to reproduce it
	 */
	public record Violation(String operation, String baseline, String location, String value, String kind, int status,
			String contentType, String body, String note, String request) {

		/**
		 * What the answer was, without what was sent: violations with the same cause
		 * share it. For a problem its type; otherwise the content type and the start of
		 * the body, digits blurred.
		 * @return the cause's key
		 */
		String cause() {
			if (this.kind.contains("accepted")) {
				return this.kind + " " + this.status + ": " + this.note;
			}
			String answer;
			Matcher type = Pattern.compile("\"type\":\"([^\"]+)\"").matcher(this.body);
			Matcher title = Pattern.compile("<title>([^<]*)</title>").matcher(this.body);
			if (this.contentType.startsWith("application/problem+json") && type.find()) {
				answer = type.group(1);
			}
			else if (title.find()) {
				answer = this.contentType.split(";")[0] + " " + title.group(1);
			}
			else {
				String start = this.body.replaceAll("[0-9a-f]{8,}|\\d+", "#");
				answer = this.contentType.split(";")[0] + " " + start.substring(0, Math.min(60, start.length()));
			}
			String trigger = "";
			if (this.kind.contains("5xx") && !this.contentType.startsWith("text/html")) {
				// One 5xx problem looks like any other: what triggered it tells causes
				// apart.
				trigger = " [" + this.location.split(" ")[0] + " = " + this.value + "]";
			}
			return this.kind + " " + this.status + " " + answer + trigger
					+ ((this.note != null) ? " (" + this.note + ")" : "");
		}

		String line() {
			return this.operation + " [" + this.baseline + "] " + this.location + " = " + this.value;
		}

	}

	/**
	 * Everything one run found.
	 */
	public static final class Report {

		private final String service;

		private final Map<String, String> skips;

		private final Map<Long, Violation> violations = new java.util.TreeMap<>();

		final Map<String, String> perOperation = new LinkedHashMap<>();

		final AtomicInteger requests = new AtomicInteger();

		long elapsedMillis;

		Report(String service, Map<String, String> skips) {
			this.service = service;
			this.skips = skips;
		}

		/**
		 * Records a violation, in the order of its request among all the run's requests,
		 * so that the report reads the same whichever order parallel requests finished
		 * in.
		 */
		synchronized void add(long order, Violation violation) {
			this.violations.put(order, violation);
		}

		public synchronized List<Violation> violations() {
			return List.copyOf(this.violations.values());
		}

		public int requests() {
			return this.requests.get();
		}

		/**
		 * Fails with every violation, grouped by cause, each group with one request that
		 * reproduces it.
		 */
		public void assertNoViolations() {
			if (!violations().isEmpty()) {
				throw new AssertionError(text(15));
			}
		}

		/**
		 * The report as text.
		 * @param perGroup how many violations to list in each group before "and N more"
		 * @return the text
		 */
		public String text(int perGroup) {
			Map<String, List<Violation>> groups = new LinkedHashMap<>();
			List<Violation> violations = violations();
			violations.forEach((v) -> groups.computeIfAbsent(v.cause(), (key) -> new ArrayList<>()).add(v));
			StringBuilder text = new StringBuilder();
			text.append("Hostile inputs against ").append(this.service).append(": ").append(this.requests.get());
			text.append(" requests in ").append(this.elapsedMillis / 1000.0).append(" s, ");
			text.append(violations.size()).append(" violations in ").append(groups.size()).append(" groups\n");
			text.append("Skipped: ").append(this.skips.isEmpty() ? "nothing" : "").append('\n');
			this.skips.forEach((what, why) -> text.append("  ").append(what).append(": ").append(why).append('\n'));
			text.append("Operations:\n");
			this.perOperation.forEach(
					(operation, count) -> text.append("  ").append(operation).append(": ").append(count).append('\n'));
			int number = 0;
			for (Map.Entry<String, List<Violation>> group : groups.entrySet()) {
				List<Violation> members = group.getValue();
				text.append("\n").append(++number).append(". ").append(group.getKey()).append(" - ");
				text.append(members.size()).append(" times\n");
				Violation example = members.get(0);
				text.append("   answer: ")
					.append(example.contentType())
					.append(' ')
					.append(example.body())
					.append('\n');
				text.append("   reproduce:\n      ").append(example.request().replace("\n", "\n      ")).append('\n');
				text.append("   where:\n");
				members.stream()
					.limit(perGroup)
					.forEach((member) -> text.append("      ").append(member.line()).append('\n'));
				if (members.size() > perGroup) {
					text.append("      ... and ").append(members.size() - perGroup).append(" more\n");
				}
			}
			return text.toString();
		}

		void write() {
			try {
				Path file = Path.of("target", "hostile-inputs", this.service + ".txt");
				Files.createDirectories(file.getParent());
				Files.writeString(file, text(Integer.MAX_VALUE));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
