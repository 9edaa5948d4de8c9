package com.littlethreads.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How large a request the gateway forwards.
 *
 * @param maxBodySize the largest request body; product JSON and sign-in forms are a few
 * kilobytes, so 1 MB leaves room without letting a caller tie up a service
 * @param maxHeaderSize the largest header block (names, values and line breaks); twice
 * Netty's 8 KB default, for a large JWT plus cookies
 */
@ConfigurationProperties("littlethreads.limits")
record LimitsProperties(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("16KB") DataSize maxHeaderSize) {

}
