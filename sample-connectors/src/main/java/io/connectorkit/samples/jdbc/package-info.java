/**
 * The {@code jdbc} family: {@code jdbc-input}, a resumable keyset reader of one table or query. A connector, not an
 * API: {@link io.connectorkit.samples.jdbc.JdbcInput}, its {@code JdbcInputConfig} and {@code JdbcInputCheckpoint} are
 * public because the generated component index creates them; {@code SourceColumns}, {@code PageQueries},
 * {@code JdbcConnector} and {@code Column} are internal.
 */
package io.connectorkit.samples.jdbc;
