/**
 * Test support shared by the modules' tests, published in sdk-runtime's test jars: {@link
 * io.connectorkit.testsupport.LogCapture} captures a class's log, {@link io.connectorkit.testsupport.RequiresPostgres}
 * runs a test only where the PostgreSQL server of {@link io.connectorkit.testsupport.TestPostgres} answers (and fails
 * it where CI requires one). Modules other than sdk-store use it through the {@code testsupport} classifier, which
 * holds this package only.
 */
package io.connectorkit.testsupport;
