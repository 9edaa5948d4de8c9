/**
 * Compression of the API answers anyone may read (the catalog's), and of no others: an
 * answer that carries a token or personal data next to input an attacker can choose would
 * leak its secrets through its compressed length (BREACH).
 */
package com.littlethreads.gateway.compression;
