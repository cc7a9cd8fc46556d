package io.driftgate.fixtureapp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.ColumnDefault;

import java.time.OffsetDateTime;

/** Fixture app: a person who signs in. Maps to {@code app_user} (V1) under Spring Boot's naming. */
@Entity
public class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String email;

    @Column(length = 100)
    private String displayName;

    @ColumnDefault("now()")
    @Column(nullable = false)
    private OffsetDateTime createdAt;

    protected AppUser() {
    }

    public Long getId() {
        return id;
    }
}
