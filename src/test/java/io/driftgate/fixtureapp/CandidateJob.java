package io.driftgate.fixtureapp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

import java.time.LocalDate;

/** Fixture app: a candidate's work history, {@code candidate_job} (V4, V5 adds the unique key). */
@Entity
@Table(
        indexes = @Index(name = "idx_candidate_job_candidate_id", columnList = "candidate_id"),
        uniqueConstraints = @UniqueConstraint(name = "uq_candidate_job_candidate_title_start",
                columnNames = {"candidate_id", "title", "started_on"}))
public class CandidateJob {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "candidate_job_seq")
    @SequenceGenerator(name = "candidate_job_seq", sequenceName = "candidate_job_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @OnDelete(action = OnDeleteAction.CASCADE)
    private Candidate candidate;

    @Column(nullable = false, length = 200)
    private String title;

    private String employer;

    @Column(nullable = false)
    private LocalDate startedOn;

    private LocalDate endedOn;

    protected CandidateJob() {
    }
}
