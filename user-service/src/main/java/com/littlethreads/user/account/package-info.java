/**
 * Accounts: the stored account, the password policy, and what a shopper manages
 * themselves: profile, password, shipping addresses (kept inside the account document)
 * and deleting the account.
 */
package com.littlethreads.user.account;
