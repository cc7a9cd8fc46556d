package io.driftgate.read.entities.sample;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;

import java.time.LocalDateTime;
import java.util.Set;

/**
 * Mapping sample for the traps: a verbatim {@code columnDefinition}, an ORDINAL enum, a default-named
 * sequence, a join table (named differently by Spring's and JPA's implicit naming) and a quoted name.
 */
@Entity
public class JobPosting {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Column(columnDefinition = "VARCHAR(40) DEFAULT 'draft' NOT NULL")
    private String publicationState;

    @Enumerated(EnumType.ORDINAL)
    private Priority priority;

    private LocalDateTime postedAt;

    @Column(name = "\"Salary Band\"")
    private String salaryBand;

    @ManyToOne
    private HiringManager hiringManager;

    @ManyToMany
    private Set<HiringManager> reviewers;
}
