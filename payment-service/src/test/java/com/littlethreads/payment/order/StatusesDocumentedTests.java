package com.littlethreads.payment.order;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/payments.md draws the order's and the refund's states; the drawings name every
 * status the code has, and no other.
 */
class StatusesDocumentedTests {

	private static final Path DOC = Path.of("..", "docs", "payments.md");

	@Test
	void orderStatesDrawingNamesEveryOrderStatus() throws IOException {
		String drawing = drawingAfter("## Order states");
		for (OrderStatus status : OrderStatus.values()) {
			assertThat(drawing).as("docs/payments.md's order states").contains(status.name());
		}
	}

	@Test
	void refundDrawingNamesEveryRefundStatusAndNoOther() throws IOException {
		String drawing = drawingAfter("**A refund's life.**");
		for (RefundStatus status : RefundStatus.values()) {
			assertThat(drawing).as("docs/payments.md's refund states").contains(status.name());
		}
		assertThat(drawing.replaceAll("[^A-Z_ ]", " ").trim().split("\\s+"))
			.allSatisfy((word) -> assertThat(RefundStatus.valueOf(word)).isNotNull());
	}

	/** The first fenced block after a heading. */
	private static String drawingAfter(String heading) throws IOException {
		String doc = Files.readString(DOC);
		int from = doc.indexOf("```", doc.indexOf(heading)) + 3;
		return doc.substring(from, doc.indexOf("```", from));
	}

}
