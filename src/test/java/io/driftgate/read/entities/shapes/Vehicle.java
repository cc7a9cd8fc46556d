package io.driftgate.read.entities.shapes;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

/** Mapping shapes: single-table inheritance (one table, a discriminator column). */
@Entity
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
public class Vehicle {

    @Id
    private Long id;
}
