package io.connectorkit.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The annotated test class or method needs logical replication on the PostgreSQL server at {@link TestPostgres#URL}
 * ({@code wal_level = logical}). As {@link RequiresPostgres}: skipped, naming why, when the server does not answer or
 * has another {@code wal_level}; failed instead with {@code CONNECTORKIT_REQUIRE_POSTGRES=true} (CI, whose
 * {@code .ci/run} turns logical replication on).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(LogicalReplicationCondition.class)
public @interface RequiresLogicalReplication {
}
