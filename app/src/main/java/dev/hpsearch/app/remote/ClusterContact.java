package dev.hpsearch.app.remote;

import dev.hpsearch.ssh.profile.ClusterProfile;
import dev.hpsearch.ssh.transport.AuthenticationException;
import dev.hpsearch.ssh.transport.ConnectionFailedException;
import dev.hpsearch.ssh.transport.HostKeyException;
import dev.hpsearch.ssh.transport.MissingUserException;
import dev.hpsearch.ssh.transport.SshBridgeException;
import dev.hpsearch.ssh.transport.SshPrompts;
import dev.hpsearch.ssh.transport.SshSession;
import dev.hpsearch.ssh.transport.SshSettings;
import java.nio.file.Path;

/**
 * First contact with a cluster: opens the SSH session of a profile, and turns a failure into one line that says
 * what failed, for which profile and from where it was named, why, and what to do. The command line, the desktop
 * app's connection test and its launches all connect here, so they all say the same thing.
 */
public final class ClusterContact {
    private ClusterContact() {
    }

    /**
     * Connects to the profile's submit host.
     *
     * @param profilesFile the cluster profiles file the profile was read from (or would be added to), for advice
     * @throws ClusterContactException with the line of {@link #describe}
     */
    public static SshSession open(ClusterProfile profile, ProfileSource source, Path profilesFile,
                                  SshSettings settings, SshPrompts prompts) throws ClusterContactException {
        try {
            return SshSession.open(profile.target(), settings, prompts);
        } catch (SshBridgeException e) {
            throw new ClusterContactException(describe(e, profile, source, profilesFile), e);
        } catch (IllegalArgumentException e) {
            // a profile naming an SSH config or key that is not there
            throw new ClusterContactException("cannot connect to " + profile.host() + " " + context(profile, source)
                    + ": " + e.getMessage(), new SshBridgeException(e.getMessage(), e));
        }
    }

    /** The user's line for a failed connection; see the class comment. */
    public static String describe(SshBridgeException e, ClusterProfile profile, ProfileSource source,
                                  Path profilesFile) {
        // one line, whatever a server or library put in its message
        return explain(e, profile, source, profilesFile).replaceAll("\\s*\\R\\s*", " ");
    }

    private static String explain(SshBridgeException e, ClusterProfile profile, ProfileSource source,
                                  Path profilesFile) {
        String context = context(profile, source);
        if (e instanceof ConnectionFailedException c) {
            String line = "cannot reach " + hostPort(c.host(), c.port()) + " " + context + ": " + c.detail()
                    + advice(c, profile);
            if (source.runHere() == null) {
                return line;
            }
            return line + (line.endsWith("?") || line.endsWith(".") ? " " : ". ")
                    + "To run on this machine instead: " + source.runHere();
        }
        if (e instanceof HostKeyException h) {
            return "host key of " + hostPort(h.host(), h.port()) + " " + h.state() + " " + context + ": "
                    + h.explanation();
        }
        if (e instanceof MissingUserException m) {
            return "no SSH user name for " + m.host() + " " + context + ": the profile gives none, and hpsearch does"
                    + " not guess it from this machine's account — add \"user\": \"YOUR_NAME\" to profile "
                    + profile.name() + " in " + profilesFile + " (or a User line for " + profile.host()
                    + " in ~/.ssh/config)";
        }
        if (e instanceof AuthenticationException a) {
            return "login refused on " + hostPort(a.host(), a.port()) + " for user " + a.user() + " " + context
                    + ": tried " + (a.tried().isEmpty() ? "no key at all" : String.join(", ", a.tried()))
                    + " — check \"user\" and \"identity_file\" of profile " + profile.name() + " in " + profilesFile
                    + ", and that the public key is in ~/.ssh/authorized_keys of " + a.user() + " on the cluster";
        }
        return "cannot connect to " + profile.host() + " " + context + ": " + e.getMessage();
    }

    private static String context(ClusterProfile profile, ProfileSource source) {
        return "(cluster profile " + profile.name() + ", " + source.description() + ")";
    }

    private static String advice(ConnectionFailedException c, ClusterProfile profile) {
        switch (c.reason()) {
            case HOST_NOT_FOUND:
            case UNREACHABLE:
                return " — are you on the VPN?";
            case TIMED_OUT:
                return " — are you on the VPN, or does a firewall block port " + c.port() + "?";
            case REFUSED:
            case NO_SSH_ANSWER:
                return " — are the host and \"port\" of profile " + profile.name() + " right? (SSH's usual port is 22)";
            case CLOSED:
                return " — the server may not let this machine in; `ssh -p " + c.port() + " " + c.host()
                        + "` shows more";
            default:
                return "";
        }
    }

    /** {@code host} on the usual port, else {@code host:port}. */
    private static String hostPort(String host, int port) {
        return port == 22 ? host : host + ":" + port;
    }
}
