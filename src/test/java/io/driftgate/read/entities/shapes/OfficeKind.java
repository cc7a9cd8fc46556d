package io.driftgate.read.entities.shapes;

/** Mapping shapes: an enum stored as a PostgreSQL enum type. */
public enum OfficeKind { HEADQUARTERS, BRANCH }
