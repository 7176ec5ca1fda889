package io.connectorkit.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The annotated test class or method needs the PostgreSQL server at {@link TestPostgres#URL}. When the server does
 * not answer it is skipped, naming the URL (password masked) and why; with {@code CONNECTORKIT_REQUIRE_POSTGRES=true}
 * (as in CI) it fails instead.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(PostgresCondition.class)
public @interface RequiresPostgres {
}
