package dev.hpsearch.app.service;

/** Lines for the user while a long call works: what happens, and what went wrong without stopping it. */
public interface Report {
    /** What happened (a job cancelled, a request left). */
    void say(String line);

    /** Something went wrong, and the call goes on. */
    void warn(String line);
}
