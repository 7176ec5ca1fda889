package io.connectorkit.runner;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Why a file operation failed, in words: {@link java.nio.file} exceptions such as {@link AccessDeniedException}
 * carry only the path as their message, which names the file but not the reason.
 */
final class IoErrors {

    private IoErrors() {
    }

    /**
     * The reason for {@code error}, preceded by the path it is about when that is not {@code subject} itself:
     * {@code "permission denied"}, {@code "/data/out: no such file or folder"}.
     *
     * @param subject the file the caller was working on, already named in its message
     */
    static String reason(Path subject, IOException error) {
        if (!(error instanceof FileSystemException fileError)) {
            return String.valueOf(error.getMessage());
        }
        String reason;
        if (error instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (error instanceof NoSuchFileException) {
            reason = "no such file or folder";
        } else if (error instanceof NotDirectoryException) {
            reason = "not a folder";
        } else if (error instanceof FileAlreadyExistsException) {
            reason = "exists and is not a folder";
        } else if (fileError.getReason() != null) {
            reason = fileError.getReason();
        } else {
            reason = error.getClass().getSimpleName();
        }
        String file = fileError.getFile();
        boolean sameFile = file == null || Path.of(file).toAbsolutePath().equals(subject.toAbsolutePath());
        return sameFile ? reason : file + ": " + reason;
    }
}
