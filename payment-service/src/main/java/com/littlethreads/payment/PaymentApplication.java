package com.littlethreads.payment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Checkout, orders and Stripe payments. An order exists before any payment can, stock is
 * reserved before the shopper pays, and every Stripe event is applied once.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PaymentApplication {

	public static void main(String[] args) {
		SpringApplication.run(PaymentApplication.class, args);
	}

}
