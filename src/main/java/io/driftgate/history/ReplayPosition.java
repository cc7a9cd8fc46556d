package io.driftgate.history;

import io.driftgate.diff.Drift;
import io.driftgate.diff.SchemaDiffer;
import io.driftgate.model.QualifiedName;
import io.driftgate.model.SchemaModel;
import io.driftgate.model.Table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where in the replay's sequence of states the live schema stands. An object is only evidence in its
 * place: an index created by V1, dropped by V2 and re-created by V3 is in the state after V1 and after
 * V3, so finding it says nothing for V3 while V1's column that V2 drops is still there.
 *
 * <p>Each candidate position k (every migration up to k applied) is scored against the live schema by
 * <ol>
 *   <li>objects the live schema has that the state after k lacks although some state of the chain has
 *       them (a later migration's effect, or what an earlier one dropped): evidence against k;</li>
 *   <li>objects or properties the state after k has that the live schema lacks: work for the repair.</li>
 * </ol>
 * The fewest of (1), then of (2), wins; ties go to the earliest position, because a later state that
 * matches no better offers no evidence that its migrations ran. A healthy database (live = the state
 * after the last applied migration) scores (0, 0) at its own position and so records nothing.
 */
final class ReplayPosition {

    /** The states of the chain: {@code states.get(0)} before the first migration, {@code states.get(i + 1)} after chain i. */
    private final List<SchemaModel> states;

    private ReplayPosition(List<SchemaModel> states) {
        this.states = List.copyOf(states);
    }

    static ReplayPosition of(List<MigrationChange> chain) {
        List<SchemaModel> states = new ArrayList<>();
        if (!chain.isEmpty()) {
            states.add(chain.get(0).before());
        }
        chain.forEach(c -> states.add(c.after()));
        return new ReplayPosition(states);
    }

    /** The position score of one candidate, for tests and reports. */
    record Score(int position, int againstIt, int toRepair) {
        boolean betterThan(Score other) {
            return againstIt != other.againstIt ? againstIt < other.againstIt : toRepair < other.toRepair;
        }
    }

    /**
     * The chain index k (-1: before the first migration) at or after {@code floor} (the last migration
     * the history records, -1 for none) whose state the live schema is closest to.
     */
    int find(int floor, SchemaModel live) {
        return place(floor, live).position();
    }

    /**
     * The position, and the last later position that scores the same: the migrations between them leave the schema as
     * the live one is, so the schema cannot tell whether they ran (a migration that only changes data, say).
     */
    record Place(int position, int tiedThrough) {
    }

    Place place(int floor, SchemaModel live) {
        if (states.isEmpty()) {
            return new Place(-1, -1);
        }
        List<List<Drift>> diffs = states.stream().map(s -> SchemaDiffer.diff(s, live)).toList();
        List<Set<String>> extras = diffs.stream().map(ReplayPosition::extraKeys).toList();
        Score best = null;
        int tiedThrough = floor;
        for (int k = floor; k < states.size() - 1; k++) {
            List<Drift> diff = diffs.get(k + 1);
            int against = (int) diff.stream().filter(d -> d instanceof Drift.Extra e && known(e, live, extras)).count();
            int repair = SchemaDiffer.actionable(diff).size();
            Score score = new Score(k, against, repair);
            if (best == null || score.betterThan(best)) {
                best = score;
                tiedThrough = k;
            } else if (!best.betterThan(score) && tiedThrough == k - 1) {
                tiedThrough = k;
            }
        }
        return new Place(best.position(), tiedThrough);
    }

    /** Some state of the chain has this object (and the table holding it), so its presence tells a position. */
    private boolean known(Drift.Extra e, SchemaModel live, List<Set<String>> extras) {
        Optional<QualifiedName> owner = owner(e, live);
        for (int i = 0; i < states.size(); i++) {
            SchemaModel state = states.get(i);
            if (!extras.get(i).contains(key(e)) && owner.map(t -> state.table(t).isPresent()).orElse(true)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> extraKeys(List<Drift> diff) {
        Set<String> keys = new HashSet<>();
        diff.stream().filter(d -> d instanceof Drift.Extra).forEach(d -> keys.add(key(d)));
        return keys;
    }

    private static String key(Drift d) {
        return d.kind() + "|" + d.subject();
    }

    /** The table of {@code model} an extra column, key, check or index hangs off: where it is not reported, its table is missing. */
    static Optional<QualifiedName> owner(Drift.Extra e, SchemaModel live) {
        if (e instanceof Drift.ExtraColumn c) {
            return Optional.of(c.table());
        } else if (e instanceof Drift.ExtraObject o) {
            return live.tables().stream().filter(t -> holds(t, o)).map(Table::name).findFirst();
        }
        return Optional.empty(); // a whole table: known wherever a state has it

    }

    private static boolean holds(Table t, Drift.ExtraObject o) {
        String prefix = t.name().schema() + ".";
        return switch (o.objectKind()) {
            case "primary key" -> o.name().startsWith(t.name() + " ");
            case "unique constraint" -> t.uniqueConstraints().stream().anyMatch(u -> o.name().equals(prefix + u.name()));
            case "foreign key" -> t.foreignKeys().stream().anyMatch(f -> o.name().equals(prefix + f.name()));
            case "check constraint" -> t.checks().stream().anyMatch(c -> o.name().equals(prefix + c.name()));
            case "index" -> t.indexes().stream().anyMatch(x -> o.name().equals(prefix + x.name()));
            default -> false;
        };
    }
}
