package dev.hpsearch.ssh.transport;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where local project files live on the cluster: a local file under {@code localRoot} maps to the same relative
 * path under {@code remoteRoot} (always with {@code /}).
 *
 * @param localRoot  the local project folder
 * @param remoteRoot the project folder on the cluster; relative paths are relative to the remote home
 */
public record PathMapping(Path localRoot, String remoteRoot) {

    public PathMapping {
        Objects.requireNonNull(localRoot, "localRoot");
        Objects.requireNonNull(remoteRoot, "remoteRoot");
        localRoot = localRoot.toAbsolutePath().normalize();
        if (remoteRoot.isBlank()) {
            throw new IllegalArgumentException("remote root is empty");
        }
        while (remoteRoot.length() > 1 && remoteRoot.endsWith("/")) {
            remoteRoot = remoteRoot.substring(0, remoteRoot.length() - 1);
        }
    }

    /** Whether a local path lies under the local root. */
    public boolean covers(Path local) {
        return local.toAbsolutePath().normalize().startsWith(localRoot);
    }

    /** The remote path of a local file under the local root. */
    public String remote(Path local) {
        Path abs = local.toAbsolutePath().normalize();
        if (!abs.startsWith(localRoot)) {
            throw new IllegalArgumentException(local + " is not inside the project folder " + localRoot
                    + ", so it has no place on the cluster");
        }
        Path rel = localRoot.relativize(abs);
        StringBuilder sb = new StringBuilder(remoteRoot);
        for (Path part : rel) {
            if (!part.toString().isEmpty()) {
                sb.append('/').append(part);
            }
        }
        return sb.toString();
    }

    public PathMapping withRemoteRoot(String root) {
        return new PathMapping(localRoot, root);
    }
}
