package com.littlethreads.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/storefront-api.md, "Calling the API from a storefront", is true: every {@code js}
 * block of the page, exactly as written, runs in headless Chromium on a page of the shop
 * that the run command starts, and the calls a storefront makes with them (sign-up,
 * sign-in with the refresh cookie, renewal after a 401, the catalog, checkout with an
 * idempotency key, a guest's order, sign-out, problems) answer what the page says.
 */
@ExtendWith(SharedShop.class)
class StorefrontApiDocsTests extends BrowserTest {

	static final Path PAGE = RunningShop.ROOT.resolve("docs/storefront-api.md");

	private static final Pattern JS_BLOCK = Pattern.compile("```js\\n(.*?)```", Pattern.DOTALL);

	private static String gateway;

	@BeforeAll
	static void useTheRunningShop(RunningShop shop) {
		gateway = shop.gateway();
	}

	@BeforeEach
	void openAPageOfTheShop() {
		this.browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(90));
		// A page of the shop: the examples run same-origin, as a storefront served by the
		// gateway does.
		this.browser.get(gateway + "/");
	}

	@Test
	void thePagesExamplesWorkAgainstTheRunningShop() throws IOException {
		List<String> blocks = examples();
		assertThat(blocks).as("the page's js blocks").hasSizeGreaterThanOrEqualTo(5);
		String email = "docs-" + UUID.randomUUID() + "@example.com";

		Map<String, Object> seen = run(String.join("\n", blocks),
				"""
						const [email, password] = [arguments[0], arguments[1]];
						const seen = {};
						seen.registered = (await register(email, 'Ada', password)).email;
						await signIn(email, password);
						seen.me = (await asShopper('/api/users/me')).email;
						const first = accessToken;
						await refresh();
						seen.renewedByTheCookie = accessToken !== first;
						accessToken = 'an expired token';
						seen.meAfterA401 = (await asShopper('/api/users/me')).email;

						const { product, sku } = await findVariant('4T');
						seen.sku = sku;
						const address = { name: 'Ada Lovelace', line1: '1 Example Street', city: 'London',
						  postalCode: 'N1 1AA', country: 'GB' };
						const key = crypto.randomUUID();
						const order = await patiently(() => checkout([{ sku, quantity: 1 }], email, address, key));
						const retried = await checkout([{ sku, quantity: 1 }], email, address, key);
						seen.checkoutUrl = order.checkoutUrl;
						seen.retryAnswersTheSameOrder = retried.orderId === order.orderId;
						seen.myOrders = (await asShopper('/api/orders')).items.map((o) => o.id);
						seen.orderId = order.orderId;

						await signOut();
						try { await refresh(); seen.afterSignOut = 'still signed in'; }
						catch (error) { seen.afterSignOut = error.status + ' ' + error.type; }

						const guest = await checkout([{ sku, quantity: 1 }], 'guest-' + email, address, crypto.randomUUID());
						seen.guestOrder = (await guestOrder(guest.orderId, guest.orderToken)).status;

						try { await checkout([{ sku: 'LT-NO-SUCH-SKU', quantity: 1 }], 'guest-' + email, address,
						    crypto.randomUUID()); }
						catch (error) { seen.unknownSku = error.status + ' ' + error.type + ' ' + error.problem.lines[0].sku; }
						try { await register(email, 'Ada', password); }
						catch (error) { seen.duplicate = error.status + ' ' + error.type + ' ' + (error.problem.requestId ? 'quoted' : ''); }
						try { await signIn(email, 'not the password at all'); }
						catch (error) { seen.wrongPassword = error.status + ' ' + error.type; }
						return seen;
						""",
				email, "velvet pickle harbour 93");

		String problems = "https://littlethreads.shop/problems/";
		assertThat(seen).containsEntry("registered", email)
			.containsEntry("me", email)
			.containsEntry("renewedByTheCookie", true)
			.containsEntry("meAfterA401", email)
			.containsEntry("retryAnswersTheSameOrder", true)
			.containsEntry("afterSignOut", "401 " + problems + "invalid-refresh-token")
			.containsEntry("guestOrder", "PENDING_PAYMENT")
			.containsEntry("unknownSku", "422 " + problems + "unknown-sku LT-NO-SUCH-SKU")
			.containsEntry("duplicate", "409 " + problems + "duplicate quoted")
			.containsEntry("wrongPassword", "401 " + problems + "invalid-credentials");
		assertThat((String) seen.get("sku")).endsWith("-4T");
		assertThat((String) seen.get("checkoutUrl")).startsWith("http");
		assertThat(String.valueOf(seen.get("myOrders"))).contains(String.valueOf(seen.get("orderId")));
	}

	static List<String> examples() throws IOException {
		Matcher blocks = JS_BLOCK.matcher(Files.readString(PAGE));
		List<String> found = new ArrayList<>();
		while (blocks.find()) {
			found.add(blocks.group(1));
		}
		return found;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> run(String examples, String scenario, Object... arguments) {
		String script = "const done = arguments[arguments.length - 1];\n(async () => {\n" + examples + "\n"
				+ scenario.replace("arguments[", "outer[") + "\n})().then(done, (error) => done({ failed: String(error)"
				+ " + (error && error.problem ? ' ' + JSON.stringify(error.problem) : '') }));";
		script = "const outer = arguments;\n" + script;
		Object result = ((JavascriptExecutor) this.browser).executeAsyncScript(script, arguments);
		assertThat(result).isInstanceOf(Map.class);
		Map<String, Object> seen = (Map<String, Object>) result;
		assertThat(seen).as("the examples ran to the end").doesNotContainKey("failed");
		return seen;
	}

}
