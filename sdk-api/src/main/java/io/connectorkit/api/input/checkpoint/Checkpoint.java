package io.connectorkit.api.input.checkpoint;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the class that is both an emitter's checkpoint configuration and its checkpoint state.
 *
 * <p>An instance is part of the emitter's configuration (an {@code @Option} field of a configuration class, at any
 * depth, or an {@code @Option} constructor parameter). On resume the runtime fills it from the saved
 * {@code $checkpoint} JSON; while running, the emitter keeps it up to date and returns it from its
 * {@link CheckpointData} method. Its {@code @Option} fields are written to and read from the checkpoint by their
 * option names, so what is written is exactly what is read back.
 *
 * <p>{@link #frequency()} and {@link #interval()} say how often the runtime takes a checkpoint: with
 * {@link Frequency#RECORD}, at the first safe point once {@code interval} records were produced since the last one;
 * with {@link Frequency#TIME}, at the first safe point once {@code interval} milliseconds have passed. A safe point
 * is every record for an emitter without {@link CheckpointAvailable}, otherwise a record after which that method
 * returns {@code true}. A host can override both values.
 *
 * <h2>Constraints</h2>
 * Checked at compile time by the Connector Kit annotation processor, one error per broken rule:
 * <ul>
 *   <li>The class is public, not abstract, top-level or static nested, and has a public no-argument
 *       constructor.</li>
 *   <li>Each {@code @Option} field, in the class and in the configuration classes it contains, is a public non-final
 *       field, or has a public getter ({@code getX}, or {@code isX} for a {@code boolean}) and a public setter
 *       ({@code setX}), both of the field's type.</li>
 *   <li>No field or accessor, in the class and in the configuration classes it contains, carries a JSON-B annotation
 *       ({@code jakarta.json.bind.annotation.*}, such as {@code @JsonbProperty} or {@code @JsonbTransient}): the
 *       checkpoint is written and read by option name.</li>
 *   <li>Every non-static, non-transient field, in the class and in the configuration classes it contains, is an
 *       {@code @Option}: anything else would not survive a resume.</li>
 *   <li>No option in the class or the configuration classes it contains is a {@code @Credential}: secrets never
 *       reach a checkpoint.</li>
 *   <li>{@link #interval()} is greater than zero.</li>
 *   <li>The class is used: the configuration of an emitter of the same compilation reaches it.</li>
 *   <li>It is not the element type of a {@code List} option: a checkpoint has a single path.</li>
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Checkpoint {

    /** How {@link #interval()} is counted. */
    Frequency frequency() default Frequency.RECORD;

    /** Records ({@link Frequency#RECORD}) or milliseconds ({@link Frequency#TIME}) between two checkpoints. */
    long interval() default 1;

    /** The unit of a checkpoint interval. */
    enum Frequency {
        /** The interval counts records produced since the last checkpoint. */
        RECORD,
        /** The interval counts milliseconds since the last checkpoint. */
        TIME
    }
}
