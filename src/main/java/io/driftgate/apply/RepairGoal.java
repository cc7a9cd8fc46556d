package io.driftgate.apply;

import io.driftgate.model.SchemaModel;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * What a repair aims at, decided under the lock from the live schema as it is then: the schema to
 * reach, more work for the same transaction (history rows), or reasons a human must decide first.
 */
@FunctionalInterface
public interface RepairGoal {

    /** Empty: nothing to do. */
    Optional<Decision> decide(Connection connection, SchemaModel live) throws SQLException;

    /**
     * The schema to reach and what else to do in the same transaction; {@code expectedAfterMore} is the schema
     * the transaction must show before commit when {@code more} changes the schema itself (a migration run again).
     */
    record Decision(SchemaModel expected, Optional<RepairExecutor.InTransaction> more, List<String> refusals,
                    List<io.driftgate.diff.Drift> moreDrift, Optional<SchemaModel> expectedAfterMore) {
        public Decision {
            refusals = List.copyOf(refusals);
            moreDrift = List.copyOf(moreDrift);
        }

        public Decision(SchemaModel expected, Optional<RepairExecutor.InTransaction> more, List<String> refusals,
                        List<io.driftgate.diff.Drift> moreDrift) {
            this(expected, more, refusals, moreDrift, Optional.empty());
        }
    }

    /** Always the same expected schema (the {@code plan}/{@code repair} commands). */
    static RepairGoal fixed(SchemaModel expected, Optional<RepairExecutor.InTransaction> more) {
        return (c, live) -> Optional.of(new Decision(expected, more, List.of(), List.of()));
    }
}
