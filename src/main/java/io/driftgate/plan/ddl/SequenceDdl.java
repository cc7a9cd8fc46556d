package io.driftgate.plan.ddl;

import io.driftgate.model.Sequence;
import io.driftgate.sql.Identifiers;

import java.util.Optional;

/** CREATE SEQUENCE with every option spelled out, and the OWNED BY that ties a serial sequence to its column. */
public final class SequenceDdl {

    private SequenceDdl() {
    }

    public static String create(Sequence sequence) {
        return "CREATE SEQUENCE " + TableDdl.name(sequence.name()) + " AS " + sequence.dataType()
                + " INCREMENT BY " + sequence.increment() + " MINVALUE " + sequence.minValue()
                + " MAXVALUE " + sequence.maxValue() + " START WITH " + sequence.start()
                + " CACHE " + sequence.cache() + (sequence.cycle() ? " CYCLE" : " NO CYCLE");
    }

    /** {@code ALTER SEQUENCE … OWNED BY table.column}, once the table exists; empty for a stand-alone sequence. */
    public static Optional<String> ownedBy(Sequence sequence) {
        return sequence.ownedBy().map(o -> "ALTER SEQUENCE " + TableDdl.name(sequence.name()) + " OWNED BY "
                + TableDdl.name(o.table()) + "." + Identifiers.quote(o.column()));
    }
}
