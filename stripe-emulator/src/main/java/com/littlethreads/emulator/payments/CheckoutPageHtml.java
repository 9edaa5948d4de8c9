package com.littlethreads.emulator.payments;

import java.util.Locale;
import java.util.Map;

/**
 * The hosted checkout page as plain, accessible HTML and CSS: labelled fields with
 * autocomplete hints, errors announced through {@code role="alert"} and tied to their
 * fields with {@code aria-describedby}, and no script. The element ids are a contract
 * with the browser tests: {@code #email}, {@code #card-number}, {@code #card-expiry},
 * {@code #card-cvc}, {@code #cardholder-name}, {@code #pay}, {@code #cancel},
 * {@code #card-error}.
 */
final class CheckoutPageHtml {

	static final String STYLE = """
			*{box-sizing:border-box}
			body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1f36;background:#f6f8fa}
			main{max-width:30rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:.75rem;box-shadow:0 1px 4px rgba(0,0,0,.12)}
			.badge{display:inline-block;margin:0 0 1rem;padding:.1rem .6rem;border-radius:1rem;background:#ffde92;color:#5c3b00;font-size:.85rem;font-weight:600}
			h1{font-size:1.5rem;margin:0 0 1rem}h2{font-size:1.15rem;margin:1.5rem 0 .75rem}
			table{width:100%;border-collapse:collapse}th,td{padding:.4rem 0;text-align:left;border-bottom:1px solid #e3e8ee}
			td.num,th.num{text-align:right}tfoot th,tfoot td{font-weight:700;border-bottom:0}
			label{display:block;margin:.75rem 0 .25rem;font-weight:600}
			input{width:100%;padding:.6rem .7rem;font:inherit;border:1px solid #8792a2;border-radius:.4rem}
			input[aria-invalid=true]{border-color:#c0123c}
			input:focus,button:focus,a:focus{outline:3px solid #635bff;outline-offset:2px}
			fieldset{border:0;margin:0;padding:0}legend{font-weight:600;margin-top:.75rem;padding:0}
			.row{display:flex;gap:.75rem}.row>div{flex:1}
			.error{color:#c0123c;margin:.35rem 0 0}
			button{width:100%;margin-top:1.25rem;padding:.8rem;font:inherit;font-weight:700;color:#fff;background:#635bff;border:0;border-radius:.4rem;cursor:pointer}
			button:hover{background:#4b44d6}
			.back{display:inline-block;margin-top:1rem;color:#3d37c4}
			.hint{margin-top:1.5rem;font-size:.9rem;color:#4f566b}
			.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
			""";

	private CheckoutPageHtml() {
	}

	/**
	 * The payment form.
	 * @param page the session
	 * @param values what the customer entered, by field name
	 * @param errors messages by field name ({@code email}, {@code cardholder-name},
	 * {@code card} for anything about the card)
	 * @return the page
	 */
	static String form(CheckoutPage page, Map<String, String> values, Map<String, String> errors) {
		Locale locale = locale(page);
		String total = Money.format(page.amountTotal(), page.currency(), locale);
		StringBuilder html = head(page, "Pay " + total);
		html.append("<section aria-labelledby=\"summary-heading\">\n<h1 id=\"summary-heading\">Pay <span id=\"total\">")
			.append(htmlEscape(total))
			.append("</span></h1>\n<table id=\"line-items\">\n<caption class=\"visually-hidden\">Your order</caption>\n")
			.append("<thead><tr><th scope=\"col\">Item</th><th scope=\"col\" class=\"num\">Qty</th>")
			.append("<th scope=\"col\" class=\"num\">Amount</th></tr></thead>\n<tbody>\n");
		for (LineItem item : page.lineItems()) {
			html.append("<tr><td>")
				.append(htmlEscape(item.name()))
				.append((item.description() != null) ? "<br><small>" + htmlEscape(item.description()) + "</small>" : "")
				.append("<br><small>")
				.append(htmlEscape(Money.format(item.unitAmount(), page.currency(), locale)))
				.append(" each</small></td><td class=\"num\">")
				.append(item.quantity())
				.append("</td><td class=\"num\">")
				.append(htmlEscape(Money.format(item.amount(), page.currency(), locale)))
				.append("</td></tr>\n");
		}
		html.append("</tbody>\n<tfoot><tr><th scope=\"row\" colspan=\"2\">Total due</th><td class=\"num\">")
			.append(htmlEscape(total))
			.append("</td></tr></tfoot>\n</table>\n</section>\n");
		html.append("<section aria-labelledby=\"pay-heading\">\n<h2 id=\"pay-heading\">Pay with card</h2>\n")
			.append("<form method=\"post\" action=\"/checkout/")
			.append(htmlEscape(page.id()))
			.append("\" novalidate>\n");
		input(html, "email", "Email", "email", "email", null, values, errors.get("email"));
		html.append("<fieldset aria-describedby=\"card-hint\">\n<legend>Card information</legend>\n");
		String cardError = errors.get("card");
		input(html, "card-number", "Card number", "text", "cc-number", "1234 1234 1234 1234", values, cardError);
		html.append("<div class=\"row\"><div>\n");
		input(html, "card-expiry", "Expiry date (MM / YY)", "text", "cc-exp", "MM / YY", values, cardError);
		html.append("</div><div>\n");
		input(html, "card-cvc", "Security code (CVC)", "text", "cc-csc", "CVC", values, cardError);
		html.append("</div></div>\n</fieldset>\n");
		if (cardError != null) {
			html.append("<p id=\"card-error\" class=\"error\" role=\"alert\">")
				.append(htmlEscape(cardError))
				.append("</p>\n");
		}
		input(html, "cardholder-name", "Cardholder name", "text", "cc-name", null, values,
				errors.get("cardholder-name"));
		html.append("<button id=\"pay\" type=\"submit\">Pay ").append(htmlEscape(total)).append("</button>\n</form>\n");
		if (page.cancelUrl() != null) {
			html.append("<a id=\"cancel\" class=\"back\" href=\"")
				.append(htmlEscape(page.cancelUrl()))
				.append("\">&larr; Back to the shop</a>\n");
		}
		html.append("<p id=\"card-hint\" class=\"hint\">Test mode: 4242 4242 4242 4242 pays, ")
			.append("4000 0000 0000 0002 is declined, 4000 0025 0000 3155 asks for 3D Secure, ")
			.append("4000 0000 0000 5126 pays but its refunds fail, 4000 0000 0000 0259 pays and is disputed; ")
			.append("use any future expiry date and any 3-digit CVC.</p>\n")
			.append("</section>\n");
		if (page.offersBacsDebit()) {
			bacsDebit(html, page, total, values, errors);
		}
		return foot(html);
	}

	/**
	 * The delayed payment method's form, offered only where the session takes
	 * {@code bacs_debit}: the money is known days later (here
	 * {@code emulator.delayed-payment-delay}), the session completes unpaid meanwhile.
	 */
	private static void bacsDebit(StringBuilder html, CheckoutPage page, String total, Map<String, String> values,
			Map<String, String> errors) {
		html.append(
				"<section aria-labelledby=\"bacs-heading\">\n<h2 id=\"bacs-heading\">Pay by Bacs Direct Debit</h2>\n")
			.append("<form method=\"post\" action=\"/checkout/")
			.append(htmlEscape(page.id()))
			.append("/bacs-debit\" novalidate>\n");
		input(html, "bacs-email", "Email", "email", "email", null, values, errors.get("bacs-email"), null);
		input(html, "bacs-name", "Account holder name", "text", "name", null, values, errors.get("bacs-name"), null);
		String bankError = errors.get("bacs");
		html.append("<div class=\"row\"><div>\n");
		input(html, "sort-code", "Sort code", "text", "off", "10-88-00", values, bankError, "bacs-error");
		html.append("</div><div>\n");
		input(html, "account-number", "Account number", "text", "off", "00012345", values, bankError, "bacs-error");
		html.append("</div></div>\n");
		if (bankError != null) {
			html.append("<p id=\"bacs-error\" class=\"error\" role=\"alert\">")
				.append(htmlEscape(bankError))
				.append("</p>\n");
		}
		html.append("<button id=\"pay-bacs\" type=\"submit\">Pay ")
			.append(htmlEscape(total))
			.append(" by Direct Debit</button>\n</form>\n")
			.append("<p id=\"bacs-hint\" class=\"hint\">Test mode: sort code 10-88-00 with account 00012345 pays, ")
			.append("with 22222227 fails for insufficient funds; either way only after a few minutes, as bank ")
			.append("debits take days.</p>\n</section>\n");
	}

	/**
	 * The test 3D Secure challenge a card that requires authentication leads to.
	 * @param page the session
	 * @return the page
	 */
	static String authentication(CheckoutPage page) {
		String total = Money.format(page.amountTotal(), page.currency(), locale(page));
		StringBuilder html = head(page, "Authenticate your payment");
		html.append("<h1>Authenticate your payment</h1>\n<p id=\"status-message\">Your bank asks you to confirm ")
			.append("the payment of <strong>")
			.append(htmlEscape(total))
			.append("</strong> (3D Secure test page).</p>\n<form method=\"post\" action=\"/checkout/")
			.append(htmlEscape(page.id()))
			.append("/authenticate\">\n")
			.append("<button id=\"complete-authentication\" type=\"submit\" name=\"outcome\" value=\"complete\">")
			.append("Complete authentication</button>\n")
			.append("<button id=\"fail-authentication\" type=\"submit\" name=\"outcome\" value=\"fail\">")
			.append("Fail authentication</button>\n</form>\n");
		return foot(html);
	}

	/**
	 * A page for a session that takes no payment, or a completed payment with nowhere to
	 * return to.
	 * @param page the session
	 * @param heading the page's heading
	 * @param message what happened
	 * @return the page
	 */
	static String notice(CheckoutPage page, String heading, String message) {
		StringBuilder html = head(page, heading);
		html.append("<h1>")
			.append(htmlEscape(heading))
			.append("</h1>\n<p id=\"status-message\">")
			.append(htmlEscape(message))
			.append("</p>\n");
		if ("complete".equals(page.status()) && page.successUrl() != null) {
			html.append("<a id=\"continue\" class=\"back\" href=\"")
				.append(htmlEscape(page.successUrl()))
				.append("\">Continue to the shop</a>\n");
		}
		else if (page.cancelUrl() != null) {
			html.append("<a id=\"cancel\" class=\"back\" href=\"")
				.append(htmlEscape(page.cancelUrl()))
				.append("\">&larr; Back to the shop</a>\n");
		}
		return foot(html);
	}

	/**
	 * The page for an unknown session id.
	 * @return the page
	 */
	static String notFound() {
		StringBuilder html = new StringBuilder();
		html.append("<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">")
			.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
			.append("<title>Checkout not found</title><style>")
			.append(STYLE)
			.append("</style></head>\n<body>\n<main>\n<p class=\"badge\">Test mode &middot; Stripe emulator</p>\n")
			.append("<h1>Checkout not found</h1>\n<p id=\"status-message\">")
			.append("There is no checkout session at this address.</p>\n");
		return foot(html);
	}

	private static void input(StringBuilder html, String id, String label, String type, String autocomplete,
			String placeholder, Map<String, String> values, String error) {
		input(html, id, label, type, autocomplete, placeholder, values, error,
				id.startsWith("card-") ? "card-error" : null);
	}

	/**
	 * A labelled input. An error is shown below it, or, when {@code sharedErrorId} names
	 * one paragraph for a group of fields (the card's, the bank account's), there.
	 */
	private static void input(StringBuilder html, String id, String label, String type, String autocomplete,
			String placeholder, Map<String, String> values, String error, String sharedErrorId) {
		String describedBy = (sharedErrorId != null) ? sharedErrorId : id + "-error";
		html.append("<label for=\"")
			.append(id)
			.append("\">")
			.append(label)
			.append("</label>\n<input id=\"")
			.append(id)
			.append("\" name=\"")
			.append(id)
			.append("\" type=\"")
			.append(type)
			.append("\" autocomplete=\"")
			.append(autocomplete)
			.append("\" required");
		if (sharedErrorId != null) {
			html.append(" inputmode=\"numeric\"");
		}
		if (placeholder != null) {
			html.append(" placeholder=\"").append(placeholder).append('"');
		}
		String value = values.get(id);
		if (value != null && !value.isEmpty()) {
			html.append(" value=\"").append(htmlEscape(value)).append('"');
		}
		if (error != null) {
			html.append(" aria-invalid=\"true\" aria-describedby=\"").append(describedBy).append('"');
		}
		html.append(">\n");
		if (error != null && sharedErrorId == null) {
			html.append("<p id=\"")
				.append(describedBy)
				.append("\" class=\"error\" role=\"alert\">")
				.append(htmlEscape(error))
				.append("</p>\n");
		}
	}

	private static StringBuilder head(CheckoutPage page, String title) {
		StringBuilder html = new StringBuilder(4096);
		html.append("<!doctype html>\n<html lang=\"")
			.append(htmlEscape(locale(page).toLanguageTag()))
			.append("\">\n<head><meta charset=\"utf-8\">")
			.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
			.append("<meta name=\"robots\" content=\"noindex\">")
			.append("<title>")
			.append(htmlEscape(title))
			.append(" &middot; Stripe emulator</title><style>")
			.append(STYLE)
			.append("</style></head>\n<body>\n<main>\n<p class=\"badge\">Test mode &middot; Stripe emulator</p>\n");
		return html;
	}

	private static String foot(StringBuilder html) {
		return html.append("</main>\n</body>\n</html>\n").toString();
	}

	/**
	 * Escapes the characters that matter in text and attribute values; the page is UTF-8,
	 * so everything else (£, ¥, accents) is written as is.
	 */
	static String htmlEscape(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

	private static Locale locale(CheckoutPage page) {
		if (page.locale() == null || "auto".equals(page.locale())) {
			return Locale.UK;
		}
		return Locale.forLanguageTag(page.locale());
	}

}
