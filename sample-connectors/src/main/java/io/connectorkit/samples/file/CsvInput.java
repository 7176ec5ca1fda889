package io.connectorkit.samples.file;

import io.connectorkit.api.configuration.Option;
import io.connectorkit.api.input.Assessor;
import io.connectorkit.api.input.Emitter;
import io.connectorkit.api.input.PartitionMapper;
import io.connectorkit.api.input.PartitionSize;
import io.connectorkit.api.input.Split;
import io.connectorkit.api.input.SplitId;
import io.connectorkit.samples.file.CsvInputFiles.CsvFile;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads CSV files, one {@link JsonObject} per data row ({@code header name → string value}, or {@code col1..colN}
 * without a header), and resumes by seeking to the byte offset of the next row: {@code file/csv-input}, a partition
 * mapper whose worker is {@link CsvReader}.
 *
 * <p><b>What it reads:</b> {@code configuration.path}, a file or a glob on the file names of one folder, and each of
 * {@code configuration.paths}, sorted by path, each file once ({@link CsvInputFiles}). Read whole
 * ({@code Mapper.create()}), it reads the files one after another; a configuration of one plain {@code path} reads
 * exactly what it always did, with the same checkpoints.
 *
 * <p><b>How it splits:</b> one split per file, whatever the desired size: a quoted field may hold a line break, so a
 * line end inside a file may not end a row, and only reading from the start tells. When the configuration says
 * {@code rowsWithoutLineBreaks = true}, a file larger than the desired size is cut into byte ranges of about that size
 * ({@link CsvRange#cut}); each range reads the rows that <em>start</em> in it (a range that starts inside a row goes on
 * from the next line end, and its last row goes past its end to finish), so every row is read by exactly one range, and
 * a range that no row starts in reads nothing. Every range reads the header for its names; only the first can read it
 * as a row, and it does not. With that option, a quoted field holding a line break is an error naming the file and
 * the byte offset of its row, in every split and when read whole.
 *
 * <p><b>Split ids</b> ({@link #splitId()}): the file name (made of {@code [A-Za-z0-9._-]}, at most 64 characters),
 * {@code -} and 16 hex digits of the SHA-256 of its path (two folders may hold files of the same name), and for a
 * range {@code .<start>-<end>}: {@code orders.csv-3f2a9c1b0d4e5f60.1048576-2097152}.
 *
 * <p><b>Checkpoints:</b> a split's configuration is its file and range, so its checkpoint ({@link CsvInputCheckpoint},
 * version 2) is as it always was, its offset the file's: a range resumes at that offset and stops at its end.
 */
@PartitionMapper(family = "file", name = "csv-input")
public class CsvInput {

    private static final int NAME_IN_ID = 64;

    private final CsvInputConfig configuration;

    public CsvInput(@Option("configuration") CsvInputConfig configuration) {
        this.configuration = configuration;
    }

    /** Read back by the runtime: a split's configuration is its descriptor. */
    public CsvInputConfig getConfiguration() {
        return configuration;
    }

    /** The bytes of the files (of the range, for a split of one). */
    @Assessor
    public long estimateSize() {
        CsvRange range = configuration.range();
        return range != null ? range.end() - range.start()
                : CsvInputFiles.totalSize(CsvInputFiles.list(configuration));
    }

    /**
     * One split per file, in path order; with {@code rowsWithoutLineBreaks}, a file larger than {@code desiredSize}
     * is cut into byte ranges of about that size. A split of a range is not split again.
     */
    @Split
    public List<CsvInput> split(@PartitionSize long desiredSize) {
        CsvRange range = configuration.range();
        if (range != null) {
            return List.of(new CsvInput(configuration.forFile(configuration.getPath(), range)));
        }
        List<CsvInput> splits = new ArrayList<>();
        for (CsvFile file : CsvInputFiles.list(configuration)) {
            String path = file.path().toString();
            long size = CsvInputFiles.size(file);
            if (configuration.isRowsWithoutLineBreaks() && size > desiredSize) {
                for (CsvRange part : CsvRange.cut(size, desiredSize)) {
                    splits.add(new CsvInput(configuration.forFile(path, part)));
                }
            } else {
                splits.add(new CsvInput(configuration.forFile(path, null)));
            }
        }
        return splits;
    }

    /**
     * The file name, {@code -} and 16 hex digits of the SHA-256 of the path, and {@code .<start>-<end>} for a
     * range; the name's characters outside {@code [A-Za-z0-9._-]} become {@code _}, and it is cut at 64. At most
     * 64 + 17 + 40 characters, never {@code _plan}.
     */
    @SplitId
    public String splitId() {
        String path = configuration.getPath();
        Path name = CsvInputFiles.path(path, "configuration.path").getFileName();
        String readable = (name == null ? "" : name.toString()).replaceAll("[^A-Za-z0-9._-]", "_");
        StringBuilder id = new StringBuilder(readable.substring(0, Math.min(readable.length(), NAME_IN_ID)))
                .append('-').append(sha256(path), 0, 16);
        CsvRange range = configuration.range();
        if (range != null) {
            id.append('.').append(range.start()).append('-').append(range.end());
        }
        return id.toString();
    }

    /** The worker reading this mapper's files. */
    @Emitter
    public CsvReader read() {
        return new CsvReader(configuration);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
