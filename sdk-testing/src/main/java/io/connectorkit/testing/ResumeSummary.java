package io.connectorkit.testing;

/**
 * What a {@link ResumeCheck} verified, for authors who want to assert more (or print it).
 *
 * <pre>{@code
 * ResumeSummary summary = tester.resumeCheck("checkpoint", "list-input", config).verify();
 * assertEquals(50, summary.checkpoints());
 * }</pre>
 *
 * @param records records of the reference run
 * @param checkpoints checkpoints the reference run delivered
 * @param resumedFrom checkpoints a fresh input was resumed from (all, or the sample)
 * @param crashPoints crash points simulated
 * @param duplicateBound the most records a crash may repeat: as declared with {@code ResumeCheck.duplicateBound},
 *     or the largest gap between consecutive checkpoints of the reference run
 * @param boundDeclared whether {@code duplicateBound} was declared by the author
 * @param maxDuplicates the most records any simulated crash repeated
 */
public record ResumeSummary(int records, int checkpoints, int resumedFrom, int crashPoints, long duplicateBound,
        boolean boundDeclared, int maxDuplicates) {
}
