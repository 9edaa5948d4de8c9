package com.littlethreads.user.account;

/**
 * A user's password was changed: every session they had must end.
 *
 * @param userId the user
 */
public record PasswordChanged(String userId) {

}
