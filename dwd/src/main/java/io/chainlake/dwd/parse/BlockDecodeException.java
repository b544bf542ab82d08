package io.chainlake.dwd.parse;

/** A block whose bytes do not decode; the message names the block, the byte offset and the reason. */
public final class BlockDecodeException extends RuntimeException {

    public BlockDecodeException(String message) {
        super(message);
    }

    public BlockDecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
