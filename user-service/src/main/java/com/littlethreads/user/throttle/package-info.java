/**
 * Slows the guessing of passwords and client secrets. Every attempt takes a token from
 * the token buckets of its client address (and, for passwords, of its account) before the
 * secret is checked, and gets it back if the secret was right: so however many attempts
 * arrive at once, no more are checked than the buckets hold, and callers who get it right
 * are never slowed. The buckets are kept in the service's database, so the limits hold
 * however many instances of the service run.
 */
package com.littlethreads.user.throttle;
