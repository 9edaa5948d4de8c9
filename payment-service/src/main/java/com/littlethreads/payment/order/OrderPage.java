package com.littlethreads.payment.order;

import java.util.List;

/**
 * One page of orders, newest first.
 *
 * @param <T> how each order is shown
 * @param items the orders on this page
 * @param page the 0-based page number
 * @param pageSize the page size asked for
 * @param total how many orders there are in all
 */
public record OrderPage<T>(List<T> items, int page, int pageSize, long total) {

}
