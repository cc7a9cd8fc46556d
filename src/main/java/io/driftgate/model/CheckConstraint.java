package io.driftgate.model;

/** A CHECK constraint; {@code expression} is the condition as {@code pg_get_constraintdef} prints it, without {@code CHECK}. */
public record CheckConstraint(String name, String expression) {
}
