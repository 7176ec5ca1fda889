package io.connectorkit.runner;

/**
 * One split's records, as JSON lines, into the output every split of a job shares. Its reading thread turns each
 * record into its line and gathers lines in a buffer of its own; a full buffer, and each {@link #flush()} (before a
 * checkpoint of the split is handed over), appends whole lines to the output in one write, so the lines of two splits
 * never mix and a split's checkpoint covers only lines already in the output. Used by one thread.
 */
final class SplitLines implements RecordLines {

    /** Characters gathered before they are appended: few appends, and little memory per split. */
    private static final int SPILL_AT = 32 * 1024;

    private final RecordOutput output;
    private final StringBuilder buffer = new StringBuilder(SPILL_AT + 1024);

    SplitLines(RecordOutput output) {
        this.output = output;
    }

    @Override
    public void write(Object record) {
        output.appendLine(buffer, record);
        if (buffer.length() >= SPILL_AT) {
            spill();
        }
    }

    @Override
    public void flush() {
        spill();
        output.flush();
    }

    @Override
    public void force() {
        output.force();
    }

    private void spill() {
        if (buffer.length() > 0) {
            output.writeLines(buffer);
            buffer.setLength(0);
        }
    }
}
