/**
 * Running the shop's accounts: the first admin created from the environment, and the
 * admin API that lists accounts and grants or revokes roles.
 */
package com.littlethreads.user.admin;
