/**
 * The {@code file} family: {@code csv-input}, which reads a CSV file and resumes by seeking to the byte offset of the
 * next row instead of reading the file again.
 */
package io.connectorkit.samples.file;
