package com.littlethreads.gateway.problem;

import reactor.netty.NettyPipeline;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link BareRejections} on every HTTP/1.1 connection, after Reactor Netty's traffic
 * and access log handlers: requests reach it one at a time and in order (the traffic
 * handler holds pipelined ones back), and the access log records the problem it sends.
 */
@Configuration(proxyBeanMethods = false)
class BareRejectionsConfig {

	@Bean
	NettyServerCustomizer bareRejections() {
		JsonMapper json = JsonMapper.builder().build();
		return (server) -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
			if (channel.pipeline().get(NettyPipeline.HttpTrafficHandler) != null) {
				channel.pipeline()
					.addBefore(NettyPipeline.ReactiveBridge, BareRejections.NAME, new BareRejections(json));
			}
		});
	}

}
