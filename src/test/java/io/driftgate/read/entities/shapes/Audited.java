package io.driftgate.read.entities.shapes;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/** Mapping shapes: columns inherited from a mapped superclass. */
@MappedSuperclass
public abstract class Audited {

    @Column(nullable = false)
    private Instant createdAt;
}
