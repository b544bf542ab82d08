package io.chainlake.ods.pool;

/**
 * One message of a share log as found in the file.
 *
 * @param position 1-based line (JSON lines) or record (framed protobuf) number in the file
 * @param encoding how the file is encoded
 * @param payload  the message's exact bytes (JSON: the line without its line break)
 * @param framingProblem why the file cannot be read on from here (a protobuf length past the end of the file, a
 *                 cut-off length prefix, broken compressed data),
 *                 or null for a well-framed message; a framing problem is the last record of its file
 */
public record ShareRecord(long position, ShareEncoding encoding, byte[] payload, String framingProblem) {

    public boolean isFramed() {
        return framingProblem == null;
    }
}
