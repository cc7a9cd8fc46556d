package io.driftgate.read.entities.sample;

/** Mapping sample: an enum stored by ordinal. */
public enum Priority { LOW, NORMAL, HIGH }
