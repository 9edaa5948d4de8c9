package com.littlethreads.catalog.sitebuild;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.scheduling.TaskScheduler;

import com.littlethreads.catalog.product.ProductChanged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Without a URL (SITE_BUILD_HOOK_URL unset) the hook is off.
 */
class SiteBuildHookSwitchTests {

	@Test
	void anEmptyUrlNeverSchedulesACall() {
		TaskScheduler scheduler = mock(TaskScheduler.class);
		SiteBuildHook hook = new SiteBuildHook(
				new BuildHookProperties("", Duration.ofSeconds(60), Duration.ofSeconds(10)), scheduler);

		hook.productChanged(new ProductChanged("rainbow-stripe-tee"));

		assertThat(hook.pending()).isFalse();
		verifyNoInteractions(scheduler);
	}

}
