package com.littlethreads.user.account;

/**
 * What an account may do. Carried in access tokens' {@code roles} claim.
 */
public enum Role {

	CUSTOMER, ADMIN

}
