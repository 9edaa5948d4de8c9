package com.littlethreads.gateway;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring's filter chain asks every web filter for its {@code toString} on every request;
 * the gateway's own answer with a fixed name rather than building one each time.
 */
class WebFilterNameTests extends UpstreamGatewayTest {

	@Autowired
	List<WebFilter> filters;

	@Test
	void everyWebFilterOfTheGatewayHasAFixedName() {
		assertThat(this.filters).filteredOn((filter) -> filter.getClass().getName().startsWith("com.littlethreads"))
			.hasSizeGreaterThanOrEqualTo(7)
			.allSatisfy((filter) -> assertThat(filter.toString()).isSameAs(filter.toString())
				.isEqualTo(filter.getClass().getSimpleName()));
	}

}
