package dev.hpsearch.ssh.transport;

import java.time.Instant;

/**
 * An entry of a remote folder.
 *
 * @param name      the file name (no folder)
 * @param directory whether it is a folder
 * @param size      its size in bytes
 * @param modified  when it was last changed, or {@code null} when the server did not say
 */
public record RemoteFile(String name, boolean directory, long size, Instant modified) {
}
