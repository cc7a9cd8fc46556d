package io.driftgate.read.entities.sample;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Mapping sample: the target of a to-one and a many-to-many. */
@Entity
public class HiringManager {

    @Id
    private Long id;

    private String fullName;
}
