package com.littlethreads.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole shop started by the README's run command ({@code ./run.sh}) on free ports,
 * with its own data and log directories: the built jars, the embedded store and the
 * Stripe emulator, exactly as a newcomer runs it. Tests that only use the running shop
 * share one instance per test run ({@link #shared(ExtensionContext)}); tests of the
 * command itself start their own.
 */
final class RunningShop implements AutoCloseable {

	static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	static final Duration STARTUP = Duration.ofMinutes(4);

	private static final Pattern ADMIN_SIGN_IN = Pattern.compile("Admin sign-in: (\\S+) / (\\S+)");

	private final Ports ports;

	private final Path output;

	private final Process process;

	private RunningShop(Ports ports, Path output, Process process) {
		this.ports = ports;
		this.output = output;
		this.process = process;
	}

	/**
	 * The shop shared by every test class of this run that asks for it, started on first
	 * use and stopped when the test run ends.
	 * @param context any extension context of the run
	 * @return the running shop
	 */
	static RunningShop shared(ExtensionContext context) {
		return context.getRoot()
			.getStore(ExtensionContext.Namespace.create(RunningShop.class))
			.getOrComputeIfAbsent("shop", (key) -> startShared(), RunningShop.class);
	}

	private static RunningShop startShared() {
		try {
			Path work = Files.createTempDirectory("little-threads-e2e");
			// One test run registers, signs in and checks out from one address far more
			// often than a shopper does. The gateway's limits are tested in
			// gateway-service, not here.
			RunningShop shop = start(work, Ports.free(),
					Map.of("RATE_LIMIT_SIGN_IN_CAPACITY", "1000", "RATE_LIMIT_REGISTRATION_CAPACITY", "1000",
							"RATE_LIMIT_CHECKOUT_CAPACITY", "1000", "RATE_LIMIT_CLIENT_CAPACITY", "100000"));
			shop.awaitReady();
			return shop;
		}
		catch (Exception ex) {
			throw new IllegalStateException("The shop did not start", ex);
		}
	}

	/**
	 * Starts {@code run.sh}, with its data and logs under {@code work}.
	 * @param work the directory for data, logs and the command's output
	 * @param ports the ports to use
	 * @param extraEnvironment more environment for the command
	 * @return the started (not yet ready) shop
	 * @throws IOException if the command cannot be started
	 */
	static RunningShop start(Path work, Ports ports, Map<String, String> extraEnvironment) throws IOException {
		Path output = work.resolve("run-" + System.nanoTime() + ".txt");
		ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("run.sh").toString()).directory(ROOT.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		Map<String, String> environment = builder.environment();
		environment.put("LT_DATA_DIR", work.resolve("data").toString());
		environment.put("LT_RUN_DIR", work.resolve("run").toString());
		environment.putAll(ports.environment());
		// The generated admin password and the emulator are under test, not the caller's
		// shell.
		environment.remove("ADMIN_PASSWORD");
		environment.remove("ADMIN_EMAIL");
		environment.remove("STRIPE_SECRET_KEY");
		environment.remove("STRIPE_WEBHOOK_SECRET");
		// Where the start-up archives go by default is under test too.
		environment.remove("LT_FAST_START_DIR");
		environment.putAll(extraEnvironment);
		return new RunningShop(ports, output, builder.start());
	}

	/**
	 * Waits until the command says the shop is ready.
	 * @return everything the command printed so far
	 * @throws Exception if it ends or takes too long
	 */
	String awaitReady() throws Exception {
		Instant deadline = Instant.now().plus(STARTUP);
		while (Instant.now().isBefore(deadline)) {
			String printed = printed();
			if (printed.contains("Press Ctrl-C to stop.")) {
				return printed;
			}
			if (!this.process.isAlive()) {
				throw new AssertionError("run.sh ended early:\n" + printed);
			}
			Thread.sleep(500);
		}
		throw new AssertionError("run.sh did not report ready within " + STARTUP + ":\n" + printed());
	}

	String printed() throws IOException {
		return Files.readString(this.output);
	}

	Path output() {
		return this.output;
	}

	Process process() {
		return this.process;
	}

	Ports ports() {
		return this.ports;
	}

	String gateway() {
		return "http://127.0.0.1:" + this.ports.gateway();
	}

	String gatewayManagement() {
		return "http://127.0.0.1:" + this.ports.gatewayManagement();
	}

	String payment() {
		return "http://127.0.0.1:" + this.ports.payment();
	}

	/**
	 * The process id of one started instance, as the command printed it.
	 * @param name the instance's name ({@code catalog-service},
	 * {@code catalog-service-2})
	 * @return its pid
	 * @throws IOException if the output cannot be read
	 */
	long pid(String name) throws IOException {
		Matcher started = Pattern.compile("Started " + Pattern.quote(name) + " \\(port \\d+, pid (\\d+),")
			.matcher(printed());
		if (!started.find()) {
			throw new AssertionError("no pid printed for " + name + ":\n" + printed());
		}
		return Long.parseLong(started.group(1));
	}

	String adminPassword() throws IOException {
		Matcher signIn = ADMIN_SIGN_IN.matcher(printed());
		if (!signIn.find()) {
			throw new AssertionError("no admin sign-in printed:\n" + printed());
		}
		return signIn.group(2);
	}

	void signal(String signal) throws Exception {
		new ProcessBuilder("kill", "-" + signal, String.valueOf(this.process.pid())).start()
			.waitFor(10, TimeUnit.SECONDS);
	}

	@Override
	public void close() throws Exception {
		if (this.process.isAlive()) {
			signal("TERM");
			this.process.waitFor(60, TimeUnit.SECONDS);
			this.process.destroyForcibly();
		}
	}

	static boolean listening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * The ports of one shop.
	 *
	 * @param gateway the gateway (and the storefront)
	 * @param user user-service
	 * @param catalog catalog-service
	 * @param payment payment-service
	 * @param emulator the Stripe emulator
	 * @param gatewayManagement the gateway's actuator
	 */
	record Ports(int gateway, int user, int catalog, int payment, int emulator, int gatewayManagement) {

		/**
		 * Six free ports, all different: each is held open until all six are taken, since
		 * a port closed again may be the next one handed out (a CI run once gave
		 * catalog-service and the gateway the same one).
		 * @return the ports
		 * @throws IOException if no port can be had
		 */
		static Ports free() throws IOException {
			List<ServerSocket> sockets = new ArrayList<>();
			try {
				for (int i = 0; i < 6; i++) {
					sockets.add(new ServerSocket(0));
				}
				int[] ports = sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
				return new Ports(ports[0], ports[1], ports[2], ports[3], ports[4], ports[5]);
			}
			finally {
				for (ServerSocket socket : sockets) {
					socket.close();
				}
			}
		}

		/**
		 * Free ports for a shop whose services run twice, each second instance
		 * {@code step} above the first ({@code LT_INSTANCE_PORT_STEP}).
		 * @param step the distance between a service's two instances' ports
		 * @return ports whose second instances' ports are free too
		 * @throws IOException if no port can be had
		 */
		static Ports freeForTwoInstances(int step) throws IOException {
			for (int attempt = 0; attempt < 100; attempt++) {
				Ports ports = free();
				Set<Integer> first = Set.copyOf(ports.all());
				List<Integer> second = List.of(ports.user() + step, ports.catalog() + step, ports.payment() + step);
				if (second.stream().noneMatch((port) -> first.contains(port) || listening(port))) {
					return ports;
				}
			}
			throw new IllegalStateException("no free ports " + step + " apart");
		}

		/**
		 * Every port of the shop.
		 * @return the six ports
		 */
		List<Integer> all() {
			return List.of(this.gateway, this.user, this.catalog, this.payment, this.emulator, this.gatewayManagement);
		}

		Map<String, String> environment() {
			Map<String, String> environment = new HashMap<>();
			environment.put("GATEWAY_PORT", String.valueOf(this.gateway));
			environment.put("USER_PORT", String.valueOf(this.user));
			environment.put("CATALOG_PORT", String.valueOf(this.catalog));
			environment.put("PAYMENT_PORT", String.valueOf(this.payment));
			environment.put("STRIPE_EMULATOR_PORT", String.valueOf(this.emulator));
			environment.put("GATEWAY_MANAGEMENT_PORT", String.valueOf(this.gatewayManagement));
			return environment;
		}

	}

}
