package com.littlethreads.catalog.sitebuild;

import java.net.http.HttpClient;
import java.util.concurrent.ScheduledFuture;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.event.EventListener;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import com.littlethreads.catalog.product.ProductChanged;

/**
 * Calls the site's build hook once after a quiet period following changes to what product
 * pages and listings show (a product created, edited, archived or repriced:
 * {@link ProductChanged}). Stock changes and reservations publish {@code StockChanged}
 * instead, which this ignores. A failed call is logged and not retried on its own: the
 * next change calls again, and the site then picks up both.
 */
@Component
class SiteBuildHook {

	private static final Log log = LogFactory.getLog(SiteBuildHook.class);

	private final BuildHookProperties properties;

	private final TaskScheduler scheduler;

	private final RestClient http;

	private ScheduledFuture<?> pending;

	SiteBuildHook(BuildHookProperties properties, TaskScheduler scheduler) {
		this.properties = properties;
		this.scheduler = scheduler;
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(properties.timeout()).build());
		requests.setReadTimeout(properties.timeout());
		this.http = RestClient.builder().requestFactory(requests).build();
	}

	@EventListener
	void productChanged(ProductChanged event) {
		if (!this.properties.enabled()) {
			return;
		}
		synchronized (this) {
			// Every change restarts the quiet period.
			if (this.pending != null) {
				this.pending.cancel(false);
			}
			this.pending = this.scheduler.schedule(this::callHook,
					this.scheduler.getClock().instant().plus(this.properties.debounce()));
		}
	}

	/**
	 * Whether a call is scheduled.
	 * @return true between a change and the call it leads to
	 */
	synchronized boolean pending() {
		return this.pending != null && !this.pending.isDone();
	}

	private void callHook() {
		try {
			this.http.post().uri(this.properties.url()).retrieve().toBodilessEntity();
			log.info("Asked the site to rebuild after catalog changes");
		}
		catch (RestClientException ex) {
			log.warn("The site build hook failed (the next catalog change calls it again): " + ex.getMessage());
		}
	}

}
