/**
 * Service-to-service tokens: internal clients configured with a secret and the scopes
 * they may ask for exchange their credentials for a short-lived RS256 token (OAuth 2.0
 * client credentials grant, RFC 6749 section 4.4) that user access tokens can never be
 * mistaken for.
 */
package com.littlethreads.user.client;
