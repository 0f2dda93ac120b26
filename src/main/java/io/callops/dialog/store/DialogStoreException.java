package io.callops.dialog.store;

/** The dialog store cannot be used: it names the file and the cause, and stops the start. */
public final class DialogStoreException extends RuntimeException {
    public DialogStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public DialogStoreException(String message) {
        super(message);
    }
}
