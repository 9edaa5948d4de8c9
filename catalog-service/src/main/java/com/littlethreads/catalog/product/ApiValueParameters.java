package com.littlethreads.catalog.product;

import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets query parameters and path variables take enumerated values as the API spells them
 * ({@code tops}, {@code 12-18M}, {@code price-asc}), ignoring case. An unknown value is a
 * 400 naming the accepted ones.
 */
@Component
class ApiValueParameters implements WebMvcConfigurer {

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverterFactory(new ApiValueConverterFactory());
	}

	static class ApiValueConverterFactory implements ConverterFactory<String, ApiValue> {

		@Override
		@SuppressWarnings({ "unchecked", "rawtypes" })
		public <T extends ApiValue> Converter<String, T> getConverter(Class<T> targetType) {
			return (source) -> (T) ApiValue.parse((Class) targetType, source);
		}

	}

}
