package io.driftgate.read.entities;

/** How the application names tables and columns it does not name explicitly. */
public enum Naming {
    /**
     * Spring Boot's defaults: {@code CamelCaseToUnderscoresNamingStrategy} (physical, {@code expectedWage}
     * becomes {@code expected_wage}) and {@code SpringImplicitNamingStrategy} (implicit).
     */
    SPRING,
    /** Plain Hibernate/JPA: names as written in the code ({@code expectedWage} stays {@code expectedWage}). */
    JPA
}
