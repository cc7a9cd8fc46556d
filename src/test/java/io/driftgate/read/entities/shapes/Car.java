package io.driftgate.read.entities.shapes;

import jakarta.persistence.Entity;

/** Mapping shapes: a subclass whose columns land in the root's table, nullable. */
@Entity
public class Car extends Vehicle {

    private int seats;
}
