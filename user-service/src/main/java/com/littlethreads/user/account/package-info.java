/**
 * Accounts: registration, the password policy, and the profile a shopper manages.
 */
package com.littlethreads.user.account;
