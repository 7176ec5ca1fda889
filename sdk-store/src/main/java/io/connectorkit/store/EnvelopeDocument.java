package io.connectorkit.store;

import io.connectorkit.store.EnvelopeCodec.InvalidCheckpointException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A {@link CheckpointEnvelope} as the self-describing JSON document the file store keeps in each generation file
 * ({@code format, job, partition, generation, createdAt, componentId, version, audit, checksum, checkpoint}), for
 * stores that keep generations as blobs elsewhere (an object store): written with {@link #write}, read back and
 * verified with {@link #read}.
 *
 * <p>API for store authors; stateless and thread-safe.
 */
public final class EnvelopeDocument {

    private EnvelopeDocument() {
    }

    /** The envelope as compact UTF-8 JSON. */
    public static byte[] write(CheckpointEnvelope envelope) {
        return EnvelopeCodec.write(EnvelopeCodec.toJson(envelope)).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads and verifies a document written by {@link #write}: strict UTF-8, exactly the envelope's keys, the
     * checksum matching. It does not check that the document is the generation the caller expected: compare
     * {@link CheckpointEnvelope#job()}, {@code partition()} and {@code generation()} with where it was found.
     *
     * @throws CorruptDocumentException saying why these bytes are not a valid envelope (truncated, damaged, foreign)
     */
    public static CheckpointEnvelope read(byte[] utf8) throws CorruptDocumentException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new CorruptDocumentException("not valid UTF-8 (" + e + ")");
        }
        try {
            return EnvelopeCodec.fromJson(text);
        } catch (InvalidCheckpointException e) {
            throw new CorruptDocumentException(e.getMessage());
        }
    }

    /**
     * The largest document a store reads back under {@code options}: the checkpoint, an audit of the same size at
     * most, and the metadata; anything longer was not written by a store and is corrupt.
     */
    public static long maxBytes(StoreOptions options) {
        return 2L * options.maxCheckpointBytes() + 64 * 1024;
    }

    /** Why stored bytes are not a valid envelope document; the message says what is wrong. */
    public static final class CorruptDocumentException extends Exception {

        private static final long serialVersionUID = 1L;

        /** @param reason what is wrong with the document */
        public CorruptDocumentException(String reason) {
            super(reason, null, false, false);
        }
    }
}
