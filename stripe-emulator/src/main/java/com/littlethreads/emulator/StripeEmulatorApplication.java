package com.littlethreads.emulator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A local stand-in for the part of Stripe that payment-service uses, for development and
 * tests only.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StripeEmulatorApplication {

	public static void main(String[] args) {
		SpringApplication.run(StripeEmulatorApplication.class, args);
	}

}
