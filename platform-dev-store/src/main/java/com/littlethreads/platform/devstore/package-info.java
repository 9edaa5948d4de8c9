/**
 * The embedded development store: an in-process MongoDB-wire server (mongo-java-server)
 * keeping one H2 file per service, or one process for several instances
 * ({@link com.littlethreads.platform.devstore.StandaloneStore}). Only tests (at test
 * scope) and {@code ./run.sh} (on the launcher's {@code loader.path}) put this module on
 * a classpath; production jars and images never contain it.
 */
package com.littlethreads.platform.devstore;
