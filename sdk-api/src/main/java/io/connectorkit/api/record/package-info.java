/**
 * Records, for connector authors: {@link io.connectorkit.api.record.ColumnNames} makes the rows of a table, CSV file
 * or query as {@link jakarta.json.JsonObject}s that share their column names instead of each holding a map of its own.
 */
package io.connectorkit.api.record;
