package io.driftgate.fixtureapp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;
import org.hibernate.annotations.ColumnDefault;

import java.math.BigDecimal;

/** Fixture app: the incident's table, {@code candidate} (V2, V3 adds {@code expected_wage}, V5 {@code archived}). */
@Entity
public class Candidate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** One profile per user: Hibernate makes {@code user_id} unique for a to-one owning side. */
    @OneToOne(optional = false, fetch = FetchType.LAZY)
    private AppUser user;

    @Column(nullable = false, length = 200)
    private String fullName;

    private String contactCurrentEmployer;

    @Enumerated(EnumType.STRING)
    @ColumnDefault("'NEW'")
    @Column(nullable = false, length = 20)
    private CandidateStatus status;

    @Column(precision = 10, scale = 2)
    private BigDecimal expectedWage;

    @ColumnDefault("false")
    @Column(nullable = false)
    private boolean archived;

    protected Candidate() {
    }
}
