/**
 * The {@code file/folder-input} sample: a partitioned input (a {@code @PartitionMapper}) that reads the lines of the
 * files of a folder, each file a split, and moves a file to a done folder once a durable checkpoint covers it
 * ({@code @CheckpointCommitted}). A connector, not an API: {@link io.connectorkit.samples.folder.FolderInput}, its
 * worker {@link io.connectorkit.samples.folder.FolderReader}, {@code FolderInputConfig} and {@code FolderPosition} are
 * public because the generated component index calls them; {@code FolderFiles} and {@code LineReader} are internal.
 */
package io.connectorkit.samples.folder;
