package com.littlethreads.e2e;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.littlethreads.e2e.ShopClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Stripe emulator's hosted payment page, filled in and submitted as a shopper's
 * browser would: every input's current value, the card's details in the fields the page's
 * ids name, posted to the form's action.
 */
final class HostedPaymentPage {

	private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);

	private static final Pattern FORM_ACTION = Pattern.compile("<form\\b[^>]*action=\"([^\"]*)\"",
			Pattern.CASE_INSENSITIVE);

	private HostedPaymentPage() {
	}

	/**
	 * Pays on the page with a test card.
	 * @param client the client
	 * @param checkoutUrl the session's {@code url}
	 * @param card the card number
	 * @return the page's answer to the payment
	 * @throws Exception if the page cannot be reached
	 */
	static Response pay(ShopClient client, String checkoutUrl, String card) throws Exception {
		Response page = client.get(checkoutUrl);
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher inputs = INPUT.matcher(page.body());
		while (inputs.find()) {
			String name = attribute(inputs.group(), "name");
			if (name != null && !name.startsWith("bacs-") && !name.equals("sort-code")
					&& !name.equals("account-number")) {
				String value = attribute(inputs.group(), "value");
				fields.put(name, (value != null) ? value : "");
			}
		}
		fields.put(nameOf(page.body(), "card-number"), card);
		fields.put(nameOf(page.body(), "card-expiry"), "12 / 34");
		fields.put(nameOf(page.body(), "card-cvc"), "123");
		fields.put(nameOf(page.body(), "cardholder-name"), "Ada Lovelace");
		Matcher action = FORM_ACTION.matcher(page.body());
		String target = action.find() ? URI.create(checkoutUrl).resolve(action.group(1)).toString() : checkoutUrl;
		return client.postForm(target, fields);
	}

	private static String nameOf(String html, String id) {
		Matcher inputs = INPUT.matcher(html);
		while (inputs.find()) {
			if (id.equals(attribute(inputs.group(), "id"))) {
				return attribute(inputs.group(), "name");
			}
		}
		throw new AssertionError("no input #" + id + " on the payment page");
	}

	private static String attribute(String tag, String name) {
		Matcher value = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
		return value.find() ? value.group(1) : null;
	}

}
