package io.driftgate.plan;

/**
 * A question asked of the data before a step that depends on it. {@code countSql} returns one number:
 * the rows that would make the step fail; {@code exampleSql} returns one such row's key for the message.
 */
public record DataCheck(String description, String countSql, String exampleSql) {
}
