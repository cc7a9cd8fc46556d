package io.driftgate.read.entities.shapes;

import jakarta.persistence.Embeddable;

/** Mapping shapes: an embeddable flattened into its owner's table. */
@Embeddable
public class Address {

    private String street;

    private String city;
}
