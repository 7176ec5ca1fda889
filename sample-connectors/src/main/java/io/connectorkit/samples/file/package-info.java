/**
 * The {@code file} family: {@code csv-input}, a partition mapper that reads CSV files (a file, a glob or a list; a
 * file split into byte ranges when its rows hold no line breaks in quotes) and resumes by seeking to the byte offset
 * of the next row instead of reading the file again. A connector, not an API:
 * {@link io.connectorkit.samples.file.CsvInput}, its worker {@link io.connectorkit.samples.file.CsvReader},
 * {@code CsvInputConfig} and {@code CsvInputCheckpoint} are public because the generated component index creates
 * them; the rest ({@code CsvFileReader}, {@code CsvInputFiles}, {@code CsvRange}, the parser {@code CsvRowReader} and
 * {@code RowPosition}) is internal.
 */
package io.connectorkit.samples.file;
