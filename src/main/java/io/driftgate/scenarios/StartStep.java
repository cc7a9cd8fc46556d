package io.driftgate.scenarios;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One step building a scenario's starting state, in the order the file lists them. */
public sealed interface StartStep {

    /** A real {@code flyway migrate} up to a version (all when {@code target} is "latest"). */
    record FlywayTo(String target) implements StartStep {
    }

    /** A script run by hand: schema changes a person, an ORM or a restore made. */
    record Sql(Path file) implements StartStep {
    }

    /** These migrations' scripts run by hand, without history (as hbm2ddl, a dump or a colleague would leave it). */
    record ByHand(List<String> versions) implements StartStep {
        public ByHand {
            versions = List.copyOf(versions);
        }
    }

    /** History rows deleted, as after a restore or a hand edit. */
    record HistoryDelete(List<String> versions) implements StartStep {
        public HistoryDelete {
            versions = List.copyOf(versions);
        }
    }

    /** A history row marked failed, as a killed or broken deploy leaves it. */
    record HistoryFail(String version) implements StartStep {
    }

    /** History checksums overwritten, as when a script was edited after it ran. */
    record HistoryChecksum(Map<String, Integer> checksums) implements StartStep {
        public HistoryChecksum {
            checksums = Map.copyOf(checksums);
        }
    }

    /** Rows whose content must survive the run unchanged. */
    record Seed(Path file) implements StartStep {
    }
}
