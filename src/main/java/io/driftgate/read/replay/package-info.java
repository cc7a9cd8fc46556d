/**
 * Migration replay: the expected schema according to the Flyway migrations. {@link
 * io.driftgate.read.replay.MigrationReplay} runs real Flyway against an empty <em>shadow</em> database
 * (from a {@link io.driftgate.read.replay.ShadowSource}) and a Flyway callback reads the catalog after
 * each migration, inside that migration's transaction, so every version's schema is kept ({@link
 * io.driftgate.read.replay.ReplayResult}). Results are cached per migration checksums ({@link
 * io.driftgate.read.replay.ReplayCache}); a cache hit opens no shadow. Where the shadow lives and what
 * driftgate may drop (only what it created and can prove, by a {@link io.driftgate.read.replay.ShadowMarker})
 * is decided in {@link io.driftgate.read.replay.ShadowSource}; a given shadow is never cleaned.
 */
package io.driftgate.read.replay;
