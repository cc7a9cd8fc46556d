package io.driftgate.plan.ddl;

import io.driftgate.model.SchemaModel;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** Any schema model, built from empty by {@link SchemaDdl} and read back by the catalog reader, is unchanged. */
class SchemaRoundTripPropertyTest {

    @Property(tries = 50)
    void builtModelReadsBackEqual(@ForAll("models") SchemaModel model) throws Exception {
        SchemaModel read = DdlRenderersTest.build(model);
        assertThat(read).usingRecursiveComparison().isEqualTo(model); // names the differing field
        assertThat(read).isEqualTo(model);
    }

    @Provide
    Arbitrary<SchemaModel> models() {
        return Arbitraries.randomValue(RandomSchemaModels::generate);
    }
}
