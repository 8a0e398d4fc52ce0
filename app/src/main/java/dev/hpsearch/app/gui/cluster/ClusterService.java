package dev.hpsearch.app.gui.cluster;

import java.util.List;
import java.util.Optional;

/**
 * Cluster connections as the GUI needs them: the profiles to choose from and a connection test that may ask
 * the user to trust a host key or type a passphrase. The remote-execution module implements this; the GUI
 * never depends on its classes.
 */
public interface ClusterService {
    /** Profile names, {@code local} first. */
    List<String> profiles();

    /** True when searches can run on a cluster in this build. */
    boolean remoteAvailable();

    /**
     * Tries to connect with a profile. Blocking: call off the UI thread; prompts are called on the calling
     * thread and must hop to the UI thread themselves.
     */
    ConnectionCheck test(String profile, HostKeyPrompt hostKeys, SecretPrompt secrets);

    /** The outcome of a connection test. */
    record ConnectionCheck(boolean ok, String message) {
    }

    /** Asks whether to trust an unknown host key, showing its fingerprint. */
    interface HostKeyPrompt {
        boolean trust(String host, String keyType, String fingerprint);
    }

    /** Asks for a passphrase or password; empty when the user cancels. */
    interface SecretPrompt {
        Optional<char[]> ask(String prompt);
    }
}
