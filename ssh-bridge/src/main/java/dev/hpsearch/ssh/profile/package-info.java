/**
 * Cluster profiles: the clusters a user can run on and the file that lists them.
 */
package dev.hpsearch.ssh.profile;
