package com.littlethreads.user.account;

/**
 * A user deleted their account: every session they had must end.
 *
 * @param userId the user
 */
public record AccountDeleted(String userId) {

}
