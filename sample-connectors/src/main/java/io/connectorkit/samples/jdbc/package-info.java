/** The {@code jdbc} family: {@code jdbc-input}, a resumable keyset reader of one table or query. */
package io.connectorkit.samples.jdbc;
