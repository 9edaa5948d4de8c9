package com.littlethreads.platform.core.logging;

import java.nio.charset.Charset;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.json.JsonWriter.PairExtractor;
import org.springframework.boot.logging.StackTracePrinter;
import org.springframework.boot.logging.structured.ContextPairs;
import org.springframework.boot.logging.structured.ElasticCommonSchemaProperties;
import org.springframework.boot.logging.structured.JsonWriterStructuredLogFormatter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;
import org.springframework.core.env.Environment;

/**
 * Spring Boot's {@code ecs} log format (Elastic Common Schema), the same JSON document
 * field for field, encoded from the finished line instead of character by character. The
 * container images select it by class name
 * ({@code LOGGING_STRUCTURED_FORMAT_CONSOLE=com.littlethreads.platform.core.logging.EcsLogFormatter}).
 * <p>
 * Why: Boot's formatter encodes every line through an {@code OutputStreamWriter} that it
 * writes one character at a time, and the JDK's encoder allocates a one-character array
 * and a buffer wrapping it for each of them (spring-boot#49428, open at Boot 4.0.7). For
 * the gateway's access line, one per request, that was about 48 KB allocated per request;
 * the line built as a string and encoded once costs a few KB (docs/benchmarks.md). The
 * fields, their order, the MDC and key-value pairs, errors and markers are Boot's, and
 * {@code EcsLogFormatterTests} holds this formatter's output to Boot's own for the same
 * events, so that a Boot upgrade that changes its format shows here. Once Boot encodes
 * lines without the per-character cost, the images can go back to {@code ecs} and this
 * class can go.
 */
public class EcsLogFormatter extends JsonWriterStructuredLogFormatter<ILoggingEvent> {

	private static final PairExtractor<KeyValuePair> KEY_VALUE_PAIRS = PairExtractor.of((pair) -> pair.key,
			(pair) -> pair.value);

	/**
	 * Takes what Boot's structured logging hands a formatter named by class; the stack
	 * trace printer is {@code null} unless {@code logging.structured.json.stacktrace.*}
	 * configures one.
	 */
	public EcsLogFormatter(Environment environment, StackTracePrinter stackTracePrinter, ContextPairs contextPairs,
			ThrowableProxyConverter throwableProxyConverter,
			StructuredLoggingJsonMembersCustomizer.Builder<?> customizers) {
		super((members) -> members(environment, contextPairs,
				new StackTraces(stackTracePrinter, throwableProxyConverter), members), customizers.nested().build());
	}

	private static void members(Environment environment, ContextPairs contextPairs, StackTraces stackTraces,
			JsonWriter.Members<ILoggingEvent> members) {
		members.add("@timestamp", ILoggingEvent::getInstant);
		members.add("log").usingMembers((log) -> {
			log.add("level", ILoggingEvent::getLevel);
			log.add("logger", ILoggingEvent::getLoggerName);
		});
		members.add("process").usingMembers((process) -> {
			process.add("pid", environment.getProperty("spring.application.pid", Long.class)).whenNotNull();
			process.add("thread").usingMembers((thread) -> thread.add("name", ILoggingEvent::getThreadName));
		});
		ElasticCommonSchemaProperties.get(environment).jsonMembers(members);
		members.add("message", ILoggingEvent::getFormattedMessage);
		members.add().usingPairs(contextPairs.nested((pairs) -> {
			pairs.addMapEntries(ILoggingEvent::getMDCPropertyMap);
			pairs.add(ILoggingEvent::getKeyValuePairs, KEY_VALUE_PAIRS);
		}));
		members.add().whenNotNull(ILoggingEvent::getThrowableProxy).usingMembers((withError) -> {
			withError.add("error").usingMembers((error) -> {
				error.add("type", ILoggingEvent::getThrowableProxy).as(IThrowableProxy::getClassName);
				error.add("message", ILoggingEvent::getThrowableProxy).as(IThrowableProxy::getMessage);
				error.add("stack_trace", stackTraces::of);
			});
		});
		members.add("tags", ILoggingEvent::getMarkerList).whenNotNull().as(EcsLogFormatter::markerNames).whenNotEmpty();
		members.add("ecs").usingMembers((ecs) -> ecs.add("version", "8.11"));
	}

	/**
	 * The line as Boot's formatter would encode it, built as a string first.
	 */
	@Override
	public byte[] formatAsBytes(ILoggingEvent event, Charset charset) {
		return format(event).getBytes(charset);
	}

	private static Set<String> markerNames(List<Marker> markers) {
		Set<String> names = new TreeSet<>();
		addNames(names, markers.iterator());
		return names;
	}

	private static void addNames(Set<String> names, Iterator<Marker> markers) {
		while (markers.hasNext()) {
			Marker marker = markers.next();
			names.add(marker.getName());
			if (marker.hasReferences()) {
				addNames(names, marker.iterator());
			}
		}
	}

	/**
	 * An error's stack trace as Boot writes it: through the configured
	 * {@link StackTracePrinter} ({@code logging.structured.json.stacktrace.*}) when there
	 * is one, Logback's own rendering otherwise.
	 */
	private record StackTraces(StackTracePrinter printer, ThrowableProxyConverter converter) {

		String of(ILoggingEvent event) {
			if (this.printer != null && event.getThrowableProxy() instanceof ThrowableProxy proxy) {
				return this.printer.printStackTraceToString(proxy.getThrowable());
			}
			return this.converter.convert(event);
		}

	}

}
