package com.littlethreads.platform.test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.web.context.WebApplicationContext;

/**
 * Every {@code @WebMvcTest} slice checks each exchange it makes against the OpenAPI
 * document of the controllers it holds, as {@link ServiceHttpTest} does over real HTTP
 * with the whole service's document: the slices are where the rare answers (a store
 * failure, a conflict, a mocked edge case) are made, so they are where an undocumented
 * status or a body that does not match its schema shows up first.
 * <p>
 * The document is the one springdoc and platform's {@code OpenApiContract} build from the
 * slice's own controllers and security rules (the same code that builds the published
 * document; springdoc's configuration is imported into the slice by this module's
 * {@code AutoConfigureMockMvc.imports}), read once per slice context.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springdoc.core.configuration.SpringDocConfiguration")
public class SliceDocumentAutoConfiguration {

	@Bean
	MockMvcBuilderCustomizer checkedAgainstTheDocument(WebApplicationContext context) {
		SliceDocument document = new SliceDocument(context);
		return (builder) -> builder.alwaysDo(document::check);
	}

}
