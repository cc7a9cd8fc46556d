package io.driftgate.plan.acceptance;

import io.driftgate.plan.Hazard;

import java.util.List;
import java.util.Set;

/**
 * One table-driven case: the live database ({@code live} SQL, rows included), what the migrations
 * declare ({@code expected} SQL), the hazards the plan must carry, SQL fragments it must contain, and
 * how a repair that allows exactly those hazards must end.
 */
record AcceptanceCase(String name, String live, String expected, Set<Hazard> hazards, List<String> sqlContains,
                      Outcome outcome) {

    enum Outcome {
        /** Applied, re-read: no drift left, a second plan is empty. */
        CONVERGES,
        /** A data check stops it; the database is unchanged. */
        REFUSED_BY_DATA,
        /** No DDL can provably fix it; reported, nothing changed. */
        UNREPAIRABLE,
        /** Nothing to do: the schemas are equivalent (extras aside). */
        NO_DRIFT
    }

    static AcceptanceCase converges(String name, String live, String expected, Set<Hazard> hazards, String... sql) {
        return new AcceptanceCase(name, live, expected, hazards, List.of(sql), Outcome.CONVERGES);
    }

    static AcceptanceCase refusedByData(String name, String live, String expected, Set<Hazard> hazards) {
        return new AcceptanceCase(name, live, expected, hazards, List.of(), Outcome.REFUSED_BY_DATA);
    }

    static AcceptanceCase unrepairable(String name, String live, String expected) {
        return new AcceptanceCase(name, live, expected, Set.of(), List.of(), Outcome.UNREPAIRABLE);
    }

    static AcceptanceCase noDrift(String name, String live, String expected) {
        return new AcceptanceCase(name, live, expected, Set.of(), List.of(), Outcome.NO_DRIFT);
    }

    @Override
    public String toString() {
        return name;
    }
}
