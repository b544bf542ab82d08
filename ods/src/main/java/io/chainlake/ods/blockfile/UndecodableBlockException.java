package io.chainlake.ods.blockfile;

/** Bytes that do not decode as a block; the message says what is wrong and where (byte offset within the block). */
public final class UndecodableBlockException extends Exception {

    public UndecodableBlockException(String reason) {
        super(reason);
    }
}
