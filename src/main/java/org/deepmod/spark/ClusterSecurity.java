package org.deepmod.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import org.apache.spark.SparkConf;
import org.deepmod.BadInputException;

/**
 * What a sweep's driver settles for its safety on a network: where its web UI may listen, and the shared
 * secret of Spark's authentication where Spark wants it.
 *
 * <p>A standalone master takes an application only with the secret in the driver's settings
 * ({@code spark.authenticate.secret}; Spark reads secret files on Kubernetes only). A secret is never written in
 * a file of the project or on a command line, so the driver takes it from Spark's own environment variable
 * {@code _SPARK_AUTH_SECRET} (how Workers hand it to executors), or reads the file
 * {@code spark.authenticate.secret.file} names, which must be readable by its owner only (as ssh keys).
 */
final class ClusterSecurity {
    static final String AUTHENTICATE = "spark.authenticate";
    static final String SECRET = "spark.authenticate.secret";
    static final String SECRET_FILE = "spark.authenticate.secret.file";
    static final String SECRET_ENVIRONMENT = "_SPARK_AUTH_SECRET";

    private ClusterSecurity() {
    }

    static void apply(SparkConf conf, Map<String, String> environment) {
        if (!environment.containsKey("SPARK_LOCAL_IP")) {
            // Spark binds its UI to SPARK_LOCAL_IP, else to every interface (*:4040), whatever the driver's
            // address; bin/deepmod sets it (127.0.0.1 by default), other launchers may not
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        boolean standalone = conf.get("spark.master", "").startsWith("spark://");
        if (standalone && conf.getBoolean(AUTHENTICATE, false) && !conf.contains(SECRET)) {
            conf.set(SECRET, secret(conf, environment));
            conf.remove(SECRET_FILE); // Spark would refuse it outside Kubernetes, should it ever look
        }
    }

    private static String secret(SparkConf conf, Map<String, String> environment) {
        String fromEnvironment = environment.get(SECRET_ENVIRONMENT);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        if (!conf.contains(SECRET_FILE)) {
            throw new BadInputException(AUTHENTICATE + "=true but the driver has no secret: set " + SECRET_FILE
                    + " to a file only you can read that holds the Master's and Workers' secret, or the "
                    + "environment variable " + SECRET_ENVIRONMENT);
        }
        Path file = Path.of(conf.get(SECRET_FILE));
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            if (mode.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                throw new BadInputException(SECRET_FILE + ": " + file + " can be read by other users (mode "
                        + PosixFilePermissions.toString(mode) + "); make it the owner's alone: chmod 600 " + file);
            }
            // as the shell's $(cat FILE) that hands it to the daemons: without the trailing line ends
            String secret = Files.readString(file).replaceAll("[\r\n]+$", "");
            if (secret.isBlank()) {
                throw new BadInputException(SECRET_FILE + ": " + file + " is empty");
            }
            return secret;
        } catch (NoSuchFileException e) {
            throw new BadInputException(SECRET_FILE + ": " + file + ": no such file");
        } catch (UnsupportedOperationException e) {
            throw new BadInputException(SECRET_FILE + ": " + file + ": its permissions cannot be checked here");
        } catch (IOException e) {
            throw new BadInputException(SECRET_FILE + ": " + file + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
