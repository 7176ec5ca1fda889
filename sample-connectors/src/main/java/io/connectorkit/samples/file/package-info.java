/**
 * The {@code file} family: {@code csv-input}, which reads a CSV file and resumes by seeking to the byte offset of the
 * next row instead of reading the file again. A connector, not an API: {@link io.connectorkit.samples.file.CsvInput},
 * its {@code CsvInputConfig} and {@code CsvInputCheckpoint} are public because the generated component index creates
 * them; the parser ({@code CsvRowReader}, {@code RowPosition}) is internal.
 */
package io.connectorkit.samples.file;
