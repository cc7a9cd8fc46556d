package io.driftgate.fixtureapp;

/** Fixture app: where a candidate is in the hiring process; stored by name. */
public enum CandidateStatus { NEW, SCREENING, HIRED, REJECTED }
