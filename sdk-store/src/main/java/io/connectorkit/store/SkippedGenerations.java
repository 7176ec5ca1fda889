package io.connectorkit.store;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The corrupt generations a {@code loadLatest} met, newest first, on its way to the newest valid one: reported in one
 * warning, or in the error when none is valid, rather than one log entry per generation.
 */
final class SkippedGenerations {

    private static final int LISTED = 5;

    private final String unit;
    private final List<Long> generations = new ArrayList<>();
    private String newestProblem;

    /** @param unit what holds one generation, for messages: {@code "checkpoint file"} */
    SkippedGenerations(String unit) {
        this.unit = unit;
    }

    /** Records a corrupt generation; {@code problem} names where it is and why it is invalid. */
    void add(long generation, String problem) {
        if (generations.isEmpty()) {
            newestProblem = problem;
        }
        generations.add(generation);
    }

    boolean isEmpty() {
        return generations.isEmpty();
    }

    /** The warning once generation {@code used} was found valid below the skipped ones. */
    String warning(long used) {
        return "skipped " + generations.size() + " corrupt newer " + unit + "(s), generation(s) " + listed()
                + " (the newest: " + newestProblem + "); using generation " + used;
    }

    /** The error when every generation of {@code partition} was skipped. */
    String noneValid(String partition) {
        return "partition '" + partition + "' has " + generations.size() + " " + unit + "(s) but none is valid (the "
                + "newest: " + newestProblem + "); refusing to restart from scratch";
    }

    private String listed() {
        String listed = generations.stream().limit(LISTED).map(String::valueOf).collect(Collectors.joining(", "));
        return generations.size() <= LISTED ? listed : listed + " and " + (generations.size() - LISTED) + " more";
    }
}
