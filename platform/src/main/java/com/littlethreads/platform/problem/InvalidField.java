package com.littlethreads.platform.problem;

/**
 * One invalid field or parameter in a {@code validation-failed} problem.
 *
 * @param field the JSON path of the field (or the parameter name)
 * @param message what is wrong with it, in plain words
 */
public record InvalidField(String field, String message) {

}
