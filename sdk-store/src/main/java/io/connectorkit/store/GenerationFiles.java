package io.connectorkit.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generation files of one partition folder of a {@link FileCheckpointStore}: their names, listing them, and
 * reading one without trusting what is on disk. Only names of the form {@code checkpoint-<20 digits>.json} whose number
 * is a valid generation (1 to {@link CheckpointEnvelope#MAX_GENERATION}) are generations; any other
 * {@code checkpoint-*.json} is listed apart, to be reported by path and ignored like a corrupt generation.
 */
final class GenerationFiles {

    private static final Pattern CHECKPOINT_FILE = Pattern.compile("checkpoint-(\\d{20})\\.json");
    private static final String PREFIX = "checkpoint-";
    private static final String SUFFIX = ".json";

    /** What a partition folder holds. */
    record Listing(List<Long> generations, List<Path> ignored) {

        static final Listing EMPTY = new Listing(List.of(), List.of());

        /** The newest generation, 0 when none. */
        long newest() {
            return generations.isEmpty() ? 0 : generations.get(generations.size() - 1);
        }

        /** One warning naming every ignored file, or {@code null} when there is none. */
        String ignoredWarning() {
            if (ignored.isEmpty()) {
                return null;
            }
            return "ignored " + ignored.size() + " file(s) named like a checkpoint whose generation is unparsable or "
                    + "out of range (1 to " + CheckpointEnvelope.MAX_GENERATION + "): "
                    + ignored.stream().limit(5).map(Path::toString).reduce((a, b) -> a + ", " + b).orElse("")
                    + (ignored.size() > 5 ? " and " + (ignored.size() - 5) + " more" : "")
                    + "; the store never writes such names: move them away";
        }
    }

    private GenerationFiles() {
    }

    /**
     * {@code checkpoint-00000000000000000042.json}: the number padded with zeros to 20 digits, as
     * {@code String.format("checkpoint-%020d.json", generation)} writes it, without the formatter, whose first use
     * loads the default locale's data: a few milliseconds of every run's first save.
     */
    static String fileName(long generation) {
        if (generation < 0) {
            return String.format("checkpoint-%020d.json", generation); // never a generation: named as ever
        }
        String digits = Long.toString(generation);
        return PREFIX + "0".repeat(20 - digits.length()) + digits + SUFFIX;
    }

    /**
     * The generations in {@code dir}, ascending, and the files named like checkpoints that are not one.
     *
     * @return {@link Listing#EMPTY} when the folder does not exist
     */
    static Listing list(Path dir) throws IOException {
        List<Long> generations = new ArrayList<>();
        List<Path> ignored = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                long generation = generation(name);
                if (generation > 0) {
                    generations.add(generation);
                } else if (name.startsWith(PREFIX) && name.endsWith(SUFFIX)) {
                    ignored.add(file);
                }
            }
        } catch (NoSuchFileException e) {
            return Listing.EMPTY;
        }
        generations.sort(Comparator.naturalOrder());
        ignored.sort(Comparator.naturalOrder());
        return new Listing(List.copyOf(generations), List.copyOf(ignored));
    }

    /** The generation a file name holds, or 0 when it is not a generation file's name. */
    static long generation(String name) {
        Matcher m = CHECKPOINT_FILE.matcher(name);
        if (!m.matches()) {
            return 0;
        }
        try {
            long generation = Long.parseLong(m.group(1));
            return generation >= 1 && generation <= CheckpointEnvelope.MAX_GENERATION ? generation : 0;
        } catch (NumberFormatException e) {
            return 0; // 20 digits beyond Long.MAX_VALUE
        }
    }
}
