package com.littlethreads.emulator.payments;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The hosted checkout page, a session's {@code url}. Paying with a succeeding test card
 * completes the session and redirects (303) to its success URL; a declining card
 * re-renders the form (402) with the decline in {@code #card-error}; a card that requires
 * 3D Secure shows a test challenge to complete or fail; incomplete details re-render the
 * form (400) with what to fix. Where the session takes Bacs Direct Debit, paying with a
 * test bank account completes the session with its payment still processing and redirects
 * to the success URL, as Stripe does for delayed methods. Going back (the cancel link)
 * leaves the session open, as Stripe does.
 */
@Controller
class HostedCheckoutController {

	private static final Pattern EXPIRY = Pattern.compile("^(\\d{1,2})\\s*/?\\s*(\\d{2}|\\d{4})$");

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private final Account account;

	private final Clock clock;

	HostedCheckoutController(Account account, Clock clock) {
		this.account = account;
		this.clock = clock;
	}

	@GetMapping("/checkout/{id}")
	ResponseEntity<String> page(@PathVariable String id) {
		return this.account.checkoutPage(id).map((page) -> switch (page.status()) {
			case "open" ->
				html(HttpStatus.OK, CheckoutPageHtml.form(page, Map.of("email", orEmpty(page.email())), Map.of()));
			default -> notOpen(page);
		}).orElseGet(() -> html(HttpStatus.NOT_FOUND, CheckoutPageHtml.notFound()));
	}

	@PostMapping(path = "/checkout/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<String> pay(@PathVariable String id, @RequestParam(defaultValue = "") String email,
			@RequestParam(name = "card-number", defaultValue = "") String cardNumber,
			@RequestParam(name = "card-expiry", defaultValue = "") String cardExpiry,
			@RequestParam(name = "card-cvc", defaultValue = "") String cardCvc,
			@RequestParam(name = "cardholder-name", defaultValue = "") String cardholderName) {
		Optional<CheckoutPage> current = this.account.checkoutPage(id);
		if (current.isEmpty()) {
			return html(HttpStatus.NOT_FOUND, CheckoutPageHtml.notFound());
		}
		if (!"open".equals(current.get().status())) {
			return notOpen(current.get());
		}
		Map<String, String> values = new LinkedHashMap<>();
		values.put("email", email.strip());
		values.put("card-number", cardNumber.strip());
		values.put("card-expiry", cardExpiry.strip());
		values.put("card-cvc", cardCvc.strip());
		values.put("cardholder-name", cardholderName.strip());
		String digits = cardNumber.replaceAll("[\\s-]", "");
		Map<String, String> errors = validate(values, digits);
		if (!errors.isEmpty()) {
			return html(HttpStatus.BAD_REQUEST, CheckoutPageHtml.form(current.get(), values, errors));
		}
		PaymentResult result = this.account.payByCard(id, values.get("email"), values.get("cardholder-name"), digits)
			.orElseThrow();
		return answer(result, values);
	}

	@PostMapping(path = "/checkout/{id}/authenticate", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<String> authenticate(@PathVariable String id, @RequestParam(defaultValue = "") String outcome) {
		if (!"complete".equals(outcome) && !"fail".equals(outcome)) {
			return this.account.checkoutPage(id)
				.map((page) -> html(HttpStatus.BAD_REQUEST, CheckoutPageHtml.authentication(page)))
				.orElseGet(() -> html(HttpStatus.NOT_FOUND, CheckoutPageHtml.notFound()));
		}
		return this.account.authenticate(id, "complete".equals(outcome))
			.map((result) -> answer(result, Map.of("email", orEmpty(result.page().email()))))
			.orElseGet(() -> html(HttpStatus.NOT_FOUND, CheckoutPageHtml.notFound()));
	}

	@PostMapping(path = "/checkout/{id}/bacs-debit", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<String> payByBacsDebit(@PathVariable String id,
			@RequestParam(name = "bacs-email", defaultValue = "") String email,
			@RequestParam(name = "bacs-name", defaultValue = "") String name,
			@RequestParam(name = "sort-code", defaultValue = "") String sortCode,
			@RequestParam(name = "account-number", defaultValue = "") String accountNumber) {
		Optional<CheckoutPage> current = this.account.checkoutPage(id);
		if (current.isEmpty()) {
			return html(HttpStatus.NOT_FOUND, CheckoutPageHtml.notFound());
		}
		if (!"open".equals(current.get().status()) || !current.get().offersBacsDebit()) {
			return notOpen(current.get());
		}
		Map<String, String> values = new LinkedHashMap<>();
		values.put("bacs-email", email.strip());
		values.put("bacs-name", name.strip());
		values.put("sort-code", sortCode.strip());
		values.put("account-number", accountNumber.strip());
		Map<String, String> errors = new LinkedHashMap<>();
		if (!EMAIL.matcher(values.get("bacs-email")).matches()) {
			errors.put("bacs-email", values.get("bacs-email").isEmpty() ? "Enter your email address."
					: "Your email address is invalid.");
		}
		if (values.get("bacs-name").isEmpty()) {
			errors.put("bacs-name", "Enter the account holder's name.");
		}
		Optional<Boolean> settles = BacsTestAccounts.settles(sortCode.replaceAll("[\\s-]", ""),
				accountNumber.replaceAll("\\s", ""));
		if (settles.isEmpty()) {
			errors.put("bacs", "Use a test account: sort code 10-88-00 with account 00012345 or 22222227.");
		}
		if (!errors.isEmpty()) {
			return html(HttpStatus.BAD_REQUEST, CheckoutPageHtml.form(current.get(), values, errors));
		}
		return answer(this.account.payByBacsDebit(id, values.get("bacs-email"), values.get("bacs-name"), settles.get())
			.orElseThrow(), values);
	}

	private static ResponseEntity<String> answer(PaymentResult result, Map<String, String> values) {
		if (result instanceof PaymentResult.Paid || result instanceof PaymentResult.Processing) {
			CheckoutPage page = result.page();
			if (page.successUrl() == null) {
				return html(HttpStatus.OK, (result instanceof PaymentResult.Paid)
						? CheckoutPageHtml.notice(page, "Payment complete",
								"Thanks: your payment was received. You can close this page.")
						: CheckoutPageHtml.notice(page, "Payment processing",
								"Thanks: your Direct Debit is set up; the payment is confirmed in a few days."));
			}
			return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(page.successUrl())).build();
		}
		if (result instanceof PaymentResult.AuthenticationRequired required) {
			return html(HttpStatus.OK, CheckoutPageHtml.authentication(required.page()));
		}
		if (result instanceof PaymentResult.Declined declined) {
			return html(HttpStatus.PAYMENT_REQUIRED,
					CheckoutPageHtml.form(declined.page(), values, Map.of("card", declined.message())));
		}
		return notOpen(result.page());
	}

	private Map<String, String> validate(Map<String, String> values, String digits) {
		Map<String, String> errors = new LinkedHashMap<>();
		String email = values.get("email");
		if (email.isEmpty()) {
			errors.put("email", "Enter your email address.");
		}
		else if (!EMAIL.matcher(email).matches()) {
			errors.put("email", "Your email address is invalid.");
		}
		String cardError = cardError(digits, values.get("card-expiry"), values.get("card-cvc"));
		if (cardError != null) {
			errors.put("card", cardError);
		}
		if (values.get("cardholder-name").isEmpty()) {
			errors.put("cardholder-name", "Enter the name on your card.");
		}
		return errors;
	}

	private String cardError(String digits, String expiry, String cvc) {
		if (!digits.chars().allMatch(Character::isDigit)) {
			return "Your card number is invalid.";
		}
		if (digits.length() < 13 || digits.length() > 19) {
			return "Your card number is incomplete.";
		}
		if (!TestCards.luhnValid(digits)) {
			return "Your card number is invalid.";
		}
		Matcher matcher = EXPIRY.matcher(expiry);
		if (!matcher.matches()) {
			return "Your card's expiration date is incomplete.";
		}
		int month = Integer.parseInt(matcher.group(1));
		int year = Integer.parseInt(matcher.group(2));
		if (month < 1 || month > 12) {
			return "Your card's expiration date is invalid.";
		}
		YearMonth expires = YearMonth.of((year < 100) ? 2000 + year : year, month);
		if (expires.isBefore(YearMonth.now(this.clock))) {
			return (expires.getYear() < YearMonth.now(this.clock).getYear())
					? "Your card's expiration year is in the past." : "Your card's expiration date is in the past.";
		}
		boolean amex = digits.startsWith("34") || digits.startsWith("37");
		if (!cvc.matches(amex ? "\\d{4}" : "\\d{3}")) {
			return "Your card's security code is incomplete.";
		}
		return null;
	}

	private static ResponseEntity<String> notOpen(CheckoutPage page) {
		if ("complete".equals(page.status()) && page.paymentProcessing()) {
			return html(HttpStatus.CONFLICT, CheckoutPageHtml.notice(page, "Payment processing",
					"This checkout session is complete: its Direct Debit payment is being processed."));
		}
		if ("complete".equals(page.status())) {
			return html(HttpStatus.CONFLICT, CheckoutPageHtml.notice(page, "Already paid",
					"This checkout session is complete: the payment has already been made."));
		}
		return html(HttpStatus.GONE, CheckoutPageHtml.notice(page, "Checkout expired",
				"This checkout session has expired. Go back to the shop to start again."));
	}

	private static ResponseEntity<String> html(HttpStatus status, String body) {
		return ResponseEntity.status(status)
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noStore())
			.body(body);
	}

	private static String orEmpty(String value) {
		return (value != null) ? value : "";
	}

}
