package io.driftgate.read.entities;

import io.driftgate.failure.DriftgateException;
import io.driftgate.failure.Failure;
import org.hibernate.HibernateException;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataBuilder;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;
import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.SchemaToolingSettings;

import java.nio.file.Path;
import java.util.Map;

/**
 * Hibernate's boot metadata for the application's classes, built as {@code hbm2ddl} would see it but
 * without a database: the dialect is fixed to PostgreSQL at the given version and JDBC metadata access is off.
 */
final class HibernateBoot implements AutoCloseable {

    private final StandardServiceRegistry registry;
    private final Metadata metadata;

    private HibernateBoot(StandardServiceRegistry registry, Metadata metadata) {
        this.registry = registry;
        this.metadata = metadata;
    }

    static HibernateBoot build(EntityClasses classes, EntitySource source) {
        BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder()
                .applyClassLoader(classes.loader())
                .build();
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap)
                .applySettings(settings(source))
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            classes.classes().forEach(sources::addAnnotatedClass);
            MetadataBuilder builder = sources.getMetadataBuilder();
            switch (source.naming()) {
                case SPRING -> builder.applyPhysicalNamingStrategy(new CamelCaseToUnderscoresNamingStrategy())
                        .applyImplicitNamingStrategy(new SpringImplicitNamingStrategy());
                case JPA -> builder.applyPhysicalNamingStrategy(PhysicalNamingStrategyStandardImpl.INSTANCE)
                        .applyImplicitNamingStrategy(ImplicitNamingStrategyJpaCompliantImpl.INSTANCE);
            }
            return new HibernateBoot(registry, builder.build());
        } catch (HibernateException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw new DriftgateException(Failure.BAD_INPUT, "Hibernate cannot map the entities in " + source.location()
                    + ": " + e.getMessage() + ". Fix the mapping (it would fail the application's start too).", e);
        } catch (LinkageError | TypeNotPresentException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            String missing = EntityClasses.missingClass(e).orElse(e.toString());
            throw loadFailure(source.location(), missing, e);
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    private static DriftgateException loadFailure(Path location, String missing, Throwable cause) {
        return new DriftgateException(Failure.BAD_INPUT, "Hibernate cannot read the entities in " + location
                + ": class " + missing + " is missing. Point --entities at a jar that contains the entities together "
                + "with the classes they use.", cause);
    }

    /**
     * No connection: nothing may ask JDBC for metadata, so Hibernate picks its PostgreSQL dialect from the
     * product name and version given here (naming the dialect class too only earns a deprecation warning).
     */
    private static Map<String, Object> settings(EntitySource source) {
        return Map.of(
                JdbcSettings.ALLOW_METADATA_ON_BOOT, false,
                JdbcSettings.JAKARTA_HBM2DDL_DB_NAME, "PostgreSQL",
                JdbcSettings.JAKARTA_HBM2DDL_DB_MAJOR_VERSION, source.postgresMajorVersion(),
                SchemaToolingSettings.HBM2DDL_AUTO, "none");
    }

    Metadata metadata() {
        return metadata;
    }

    /** The dialect Hibernate chose; tests check it targets the requested version. */
    org.hibernate.dialect.Dialect dialect() {
        return metadata.getDatabase().getDialect();
    }

    @Override
    public void close() {
        StandardServiceRegistryBuilder.destroy(registry);
    }
}
