/**
 * Signing in and staying signed in: passwords checked with throttling, access tokens
 * issued, and refresh tokens that rotate on every use and revoke their family when a used
 * one comes back.
 */
package com.littlethreads.user.auth;
