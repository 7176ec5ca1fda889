package io.connectorkit.samples.cdc;

import java.util.List;

/**
 * The messages of PostgreSQL's {@code pgoutput} plugin (protocol version 1) that {@link CdcInput} acts on, as
 * {@link PgOutputDecoder} reads them. Positions are WAL positions as 64-bit numbers; times are microseconds since
 * 2000-01-01 UTC, PostgreSQL's epoch.
 */
final class PgOutput {

    private PgOutput() {
    }

    /** A transaction starts; {@code finalLsn} is where its commit record is. */
    record Begin(long finalLsn, long commitMicros, int xid) {
    }

    /** A transaction ends; a resume from {@code endLsn} reads the transactions committed after it. */
    record Commit(long commitLsn, long endLsn, long commitMicros) {
    }

    /** A column of a relation: its name, type OID and whether it is part of the replica identity. */
    record Column(String name, int typeOid, boolean identity) {
    }

    /**
     * A table as the stream describes it before its first change (and again after it changed).
     *
     * @param replicaIdentity {@code d} default (the primary key), {@code f} full, {@code i} an index, {@code n} nothing
     */
    record Relation(int oid, String schema, String table, char replicaIdentity, List<Column> columns) {
    }

    /**
     * One tuple: per column, its kind ({@code n} null, {@code u} an unchanged TOASTed value the server did not send,
     * {@code t} text) and its text.
     */
    record Tuple(byte[] kinds, String[] values) {
    }

    /**
     * An insert, update or delete.
     *
     * @param op {@code I}, {@code U} or {@code D}
     * @param oldKind {@code K} (the old key only), {@code O} (the whole old row) or {@code 0} when no old tuple came
     * @param oldTuple the old tuple, or {@code null}
     * @param newTuple the new tuple; {@code null} for a delete
     */
    record Change(char op, Relation relation, char oldKind, Tuple oldTuple, Tuple newTuple) {
    }

    /** A {@code TRUNCATE} of one or more published tables. */
    record Truncate(List<Relation> relations) {
    }
}
