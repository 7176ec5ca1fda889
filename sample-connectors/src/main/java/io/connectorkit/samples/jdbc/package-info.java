/**
 * The {@code jdbc} family: {@code jdbc-input}, a resumable keyset reader of one table or query, split by integer key
 * ranges. A connector, not an API: the partition mapper {@link io.connectorkit.samples.jdbc.JdbcInput}, its worker
 * {@code JdbcReader}, its {@code JdbcInputConfig} and {@code JdbcInputCheckpoint} are public because the generated
 * component index creates them; {@code KeyPlanning}, {@code KeySpan}, {@code KeyRanges}, {@code KeyRange},
 * {@code SourceColumns}, {@code PageQueries}, {@code JdbcConnector} and {@code Column} are internal.
 */
package io.connectorkit.samples.jdbc;
