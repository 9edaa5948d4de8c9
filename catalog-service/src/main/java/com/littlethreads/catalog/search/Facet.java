package com.littlethreads.catalog.search;

/**
 * The dimensions a listing is faceted on, named as in the response's {@code facets}
 * object.
 */
enum Facet {

	CATEGORY("category"), GENDER("gender"), SIZE("size"), COLOUR("colour");

	private final String key;

	Facet(String key) {
		this.key = key;
	}

	String key() {
		return this.key;
	}

}
