import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The container health probe of every Spring service image. It asks the service's own
 * readiness endpoint and exits 0 on a 2xx answer, 1 on anything else (a DOWN or
 * OUT_OF_SERVICE readiness group answers 503, a service still starting refuses the
 * connection).
 * <p>
 * It is plain Java on purpose: the slim JRE runtime image is not guaranteed to ship curl
 * or wget, but it always has a JVM. The Dockerfile compiles it in the build stage; compose
 * runs it with a tiny heap, so a probe costs a fraction of a second of CPU.
 * <p>
 * The address is the first argument, or else
 * {@code http://127.0.0.1:<port>$HEALTHCHECK_PATH}, the port being
 * {@code MANAGEMENT_SERVER_PORT} when actuator has a port of its own, else {@code PORT}
 * (the same variables the service reads), else 8080, and {@code HEALTHCHECK_PATH}
 * defaulting to {@code /actuator/health/readiness}. So one compose health check fits every
 * service.
 */
public final class HealthCheck {

	private HealthCheck() {
	}

	public static void main(String[] args) {
		String port = env("MANAGEMENT_SERVER_PORT", env("PORT", "8080"));
		String url = (args.length > 0) ? args[0]
				: "http://127.0.0.1:" + port + env("HEALTHCHECK_PATH", "/actuator/health/readiness");
		System.exit(probe(url) ? 0 : 1);
	}

	private static boolean probe(String url) {
		try {
			HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
			connection.setConnectTimeout(2000);
			connection.setReadTimeout(3000);
			connection.setInstanceFollowRedirects(false);
			int status = connection.getResponseCode();
			connection.disconnect();
			if (status >= 200 && status < 300) {
				return true;
			}
			System.err.println(url + " answered " + status);
			return false;
		}
		catch (IOException | IllegalArgumentException ex) {
			System.err.println(url + " is not reachable: " + ex);
			return false;
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
