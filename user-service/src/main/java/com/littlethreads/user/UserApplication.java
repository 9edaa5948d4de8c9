package com.littlethreads.user;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Accounts, sign-in, and the RS256 tokens every other service trusts.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class UserApplication {

	public static void main(String[] args) {
		SpringApplication.run(UserApplication.class, args);
	}

}
