package io.customerhub.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Certificates for servers on 127.0.0.1 in tests, made with openssl (.ci/run installs it where missing). */
public final class TestCertificates {

  /** A PEM certificate (its own CA) and its private key, readable by its owner only. */
  public record Pair(Path cert, Path key) {
  }

  private TestCertificates() {
  }

  /** A self-signed certificate for 127.0.0.1 named {@code commonName}, written as {@code <name>.crt} and {@code .key}. */
  public static Pair selfSigned(Path dir, String name, String commonName) throws IOException, InterruptedException {
    Pair pair = files(dir, name);
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=" + commonName,
        "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", pair.key().toString(), "-out", pair.cert().toString());
    return owned(pair);
  }

  /**
   * A certificate named {@code commonName} signed by {@code authority} (a {@link #selfSigned} one), as an
   * organization's CA issues them to its servers and clients.
   */
  public static Pair signedBy(Pair authority, Path dir, String name, String commonName)
      throws IOException, InterruptedException {
    Pair pair = files(dir, name);
    Path request = dir.resolve(name + ".csr");
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=" + commonName, "-keyout", pair.key().toString(),
        "-out", request.toString());
    openssl("x509", "-req", "-in", request.toString(), "-CA", authority.cert().toString(), "-CAkey",
        authority.key().toString(), "-CAcreateserial", "-days", "2", "-out", pair.cert().toString());
    return owned(pair);
  }

  private static Pair files(Path dir, String name) {
    return new Pair(dir.resolve(name + ".crt"), dir.resolve(name + ".key"));
  }

  /** The key readable by its owner only, as servers and drivers require of a private key. */
  private static Pair owned(Pair pair) throws IOException {
    Files.setPosixFilePermissions(pair.key(), PosixFilePermissions.fromString("rw-------"));
    return pair;
  }

  private static void openssl(String... args) throws IOException, InterruptedException {
    String[] command = new String[args.length + 1];
    command[0] = "openssl";
    System.arraycopy(args, 0, command, 1, args.length);
    Process openssl = new ProcessBuilder(command).redirectErrorStream(true).start();
    String said = new String(openssl.getInputStream().readAllBytes());
    assertTrue(openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0, "openssl: " + said);
  }

  /** A TLS context that trusts these certificates and nothing else. */
  public static SSLContext trusting(Path... certs) throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    for (int i = 0; i < certs.length; i++) {
      try (InputStream in = Files.newInputStream(certs[i])) {
        store.setCertificateEntry("trusted-" + i, (X509Certificate) factory.generateCertificate(in));
      }
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }
}
