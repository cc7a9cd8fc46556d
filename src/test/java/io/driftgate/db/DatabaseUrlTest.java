package io.driftgate.db;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseUrlTest {

    private static final Map<String, String> NO_ENV = Map.of();

    @Test
    void libpqUrlAsRenderAndHerokuHandItOut() {
        ConnectionSettings s = DatabaseUrl.parse(
                "postgres://app_user:s3cr%40t@dpg-abc.oregon-postgres.render.com:5432/app_db?sslmode=require",
                Optional.empty(), Optional.empty(), NO_ENV);
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://dpg-abc.oregon-postgres.render.com:5432/app_db?sslmode=require");
        assertThat(s.user()).isEqualTo("app_user");
        assertThat(s.password()).contains("s3cr@t");
        assertThat(s.database()).isEqualTo("app_db");
    }

    @Test
    void postgresqlSchemeAndNoPort() {
        ConnectionSettings s = DatabaseUrl.parse("postgresql://bob@localhost/shop", Optional.empty(), Optional.empty(), NO_ENV);
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/shop");
        assertThat(s.user()).isEqualTo("bob");
        assertThat(s.password()).isEmpty();
    }

    @Test
    void jdbcUrlCredentialsAreTakenOutOfTheUrl() {
        ConnectionSettings s = DatabaseUrl.parse("jdbc:postgresql://h:5432/db?user=u&password=p&sslmode=disable",
                Optional.empty(), Optional.empty(), NO_ENV);
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db?sslmode=disable");
        assertThat(s.user()).isEqualTo("u");
        assertThat(s.password()).contains("p");
    }

    @Test
    void explicitOptionsWinThenUrlThenEnvironment() {
        Map<String, String> env = Map.of("PGUSER", "envuser", "PGPASSWORD", "envpass");
        ConnectionSettings fromEnv = DatabaseUrl.parse("jdbc:postgresql://h/db", Optional.empty(), Optional.empty(), env);
        assertThat(fromEnv.user()).isEqualTo("envuser");
        assertThat(fromEnv.password()).contains("envpass");

        ConnectionSettings fromUrl = DatabaseUrl.parse("postgres://urluser:urlpass@h/db", Optional.empty(), Optional.empty(), env);
        assertThat(fromUrl.user()).isEqualTo("urluser");
        assertThat(fromUrl.password()).contains("urlpass");

        ConnectionSettings explicit = DatabaseUrl.parse("postgres://urluser:urlpass@h/db", Optional.of("me"), Optional.of("m1ne-explicit"), env);
        assertThat(explicit.user()).isEqualTo("me");
        assertThat(explicit.password()).contains("m1ne-explicit");
    }

    @Test
    void thePasswordNeverAppearsInToStringOrErrors() {
        ConnectionSettings s = DatabaseUrl.parse("postgres://u:hunter2@h:5432/db", Optional.empty(), Optional.empty(), NO_ENV);
        assertThat(s.toString()).doesNotContain("hunter2").contains("jdbc:postgresql://h:5432/db").contains("u");
        assertThat(s.withDatabase("other").toString()).doesNotContain("hunter2");

        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://u:hunter2@h/db", Optional.empty(), Optional.empty(), NO_ENV))
                .isInstanceOf(DatabaseUrl.InvalidUrlException.class)
                .hasMessageNotContaining("hunter2")
                .hasMessageContaining("'mysql:'");
        assertThat(DatabaseUrl.redact("jdbc:postgresql://h/db?user=u&password=hunter2")).doesNotContain("hunter2");
    }

    @Test
    void withDatabaseKeepsServerAndParameters() {
        ConnectionSettings s = DatabaseUrl.parse("jdbc:postgresql://h:5/db?sslmode=require", Optional.of("u"), Optional.empty(), NO_ENV);
        assertThat(s.withDatabase("dg_x").jdbcUrl()).isEqualTo("jdbc:postgresql://h:5/dg_x?sslmode=require");
        assertThat(s.withDatabase("dg_x").database()).isEqualTo("dg_x");
    }
}
