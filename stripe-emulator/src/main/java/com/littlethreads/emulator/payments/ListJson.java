package com.littlethreads.emulator.payments;

import java.util.List;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A page of a Stripe list, newest first.
 *
 * @param object always {@code list}
 * @param url the list's path
 * @param hasMore whether more objects lie beyond this page
 * @param data the objects
 * @param <T> the objects' type
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ListJson<T>(String object, String url, boolean hasMore, List<T> data) {

}
