package com.littlethreads.catalog;

import java.util.Set;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the catalog's document says beyond what springdoc reads from the controllers.
 */
@Configuration(proxyBeanMethods = false)
class CatalogApiDocument {

	private static final Set<String> LIST_FILTERS = Set.of("category", "gender", "size", "colour");

	/**
	 * The ETag filter (CatalogConfiguration) answers a public read with 304 when its
	 * If-None-Match is current; answers marked no-store (availability, variants, the
	 * admin API) get no ETag. The listing's filters take a value repeated or
	 * comma-separated, and a blank one means no filter: the items are described as the
	 * text they are, the values listed in the description, so the document never calls
	 * refused what the service accepts.
	 */
	@Bean
	OpenApiCustomizer catalogCachingAndFilters() {
		return (api) -> api.getPaths().forEach((path, item) -> {
			Operation get = item.getGet();
			if (get == null) {
				return;
			}
			boolean noStore = path.contains("/admin/") || path.endsWith("/availability")
					|| path.equals("/api/catalog/variants");
			if (!noStore) {
				get.getResponses()
					.addApiResponse("304",
							new ApiResponse().description("Not modified: the If-None-Match ETag is current")
								.addHeaderObject("ETag", new Header().description("The representation's strong ETag")
									.schema(new StringSchema().maxLength(100))));
			}
			if (path.equals("/api/catalog/products") && get.getParameters() != null) {
				for (Parameter parameter : get.getParameters()) {
					if (LIST_FILTERS.contains(parameter.getName()) && parameter.getSchema().getItems() != null) {
						String values = parameter.getDescription();
						parameter.getSchema().setItems(new StringSchema().maxLength(1000).pattern("^[0-9A-Za-z ,-]*$"));
						parameter.setDescription(values + "; repeat the parameter or join values with commas; "
								+ "a blank value means no filter");
					}
				}
			}
		});
	}

}
