package io.stampede.runner.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for {@code localhost} and {@code 127.0.0.1} (EC P-256, valid 2 days) with its key, in
 * a PKCS12 keystore made by the JDK's own {@code keytool}: what an HTTPS server on 127.0.0.1 presents in a test.
 * No client trusts it unless told to.
 *
 * @param path     the keystore file
 * @param password the keystore's and the key's password
 */
public record LocalhostKeystore(Path path, String password) {

    /** The alias of the key and certificate in the store. */
    public static final String ALIAS = "localhost";

    /** Makes {@code dir/localhost.p12}; fails with keytool's output if keytool does. */
    public static LocalhostKeystore create(Path dir) throws IOException, InterruptedException {
        LocalhostKeystore keystore = new LocalhostKeystore(dir.resolve("localhost.p12"), "changeit");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.path.toString(), "-storepass", keystore.password)
                .redirectErrorStream(true).start();
        String said = new String(keytool.getInputStream().readAllBytes());
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new AssertionError("keytool could not make a keystore: " + said);
        }
        return keystore;
    }

    /** The store, loaded. */
    public KeyStore load() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }
}
