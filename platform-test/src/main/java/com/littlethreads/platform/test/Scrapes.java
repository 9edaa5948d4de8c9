package com.littlethreads.platform.test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads series out of a service's {@code /actuator/prometheus} text, for tests of the
 * meters a service exports.
 */
public final class Scrapes {

	private Scrapes() {
	}

	/**
	 * How much a series changed between two scrapes; a series not there counts as 0.
	 * @param before the earlier scrape
	 * @param after the later scrape
	 * @param series the series, {@code name} or {@code name{label="value",...}} with its
	 * labels in the order the scrape lists them, leaving out the {@code application} tag
	 * every series carries
	 * @return the difference
	 */
	public static double delta(String before, String after, String series) {
		return value(after, series) - value(before, series);
	}

	/**
	 * A series' value in a scrape, 0 when absent.
	 * @param scrape the scrape
	 * @param series the series, as for {@link #delta(String, String, String)}
	 * @return its value
	 */
	public static double value(String scrape, String series) {
		int brace = series.indexOf('{');
		String name = (brace < 0) ? series : series.substring(0, brace);
		String labels = (brace < 0) ? "" : series.substring(brace + 1, series.length() - 1);
		Matcher matcher = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE)
			.matcher(scrape);
		while (matcher.find()) {
			if (matcher.group(1).replaceAll("application=\"[^\"]*\",?", "").replaceAll(",$", "").equals(labels)) {
				return Double.parseDouble(matcher.group(2));
			}
		}
		return 0;
	}

}
