package io.driftgate.plan.ddl;

import io.driftgate.model.SchemaModel;

/** Lets tests in other packages build a model in a fresh database and read it back. */
public final class DdlRenderersTestAccess {
    private DdlRenderersTestAccess() {
    }

    public static SchemaModel build(SchemaModel model) throws Exception {
        return DdlRenderersTest.build(model);
    }
}
