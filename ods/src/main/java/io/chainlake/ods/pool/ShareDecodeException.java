package io.chainlake.ods.pool;

/** A share message that cannot be decoded or breaks a rule (missing field, wrong type, sharediff not above 0). */
public final class ShareDecodeException extends Exception {

    public ShareDecodeException(String message) {
        super(message);
    }
}
