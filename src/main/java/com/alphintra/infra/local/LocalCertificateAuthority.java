package com.alphintra.infra.local;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The local certificate authority and the ingress gateway's certificate, made on first use and kept
 * under {@code .alphintra/tls/} (owner-only) so a browser has to be told to trust the CA only once.
 * The gateway certificate is renewed when it nears its end or its names change; the CA is kept.
 */
public final class LocalCertificateAuthority {

  public static final String CA_FILE = "ca.crt";

  /** Browsers refuse server certificates valid for more than 398 days. */
  static final Duration SERVER_VALIDITY = Duration.ofDays(397);

  static final Duration CA_VALIDITY = Duration.ofDays(3650);
  static final Duration RENEW_BEFORE = Duration.ofDays(30);

  private final Path directory;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public LocalCertificateAuthority(Path directory, Clock clock) {
    this.directory = directory;
    this.clock = clock;
  }

  public Path caCertificate() {
    return directory.resolve(CA_FILE);
  }

  /** The gateway's certificate chain (leaf then CA) and key as PEM, made or renewed when needed. */
  public GatewayCertificate gatewayCertificate(List<String> hosts) {
    try {
      CertificateAndKey ca = readOrCreateCa();
      Path certificateFile = directory.resolve("gateway.crt");
      Path keyFile = directory.resolve("gateway.key");
      if (Files.isRegularFile(certificateFile) && Files.isRegularFile(keyFile)) {
        X509Certificate existing = readCertificate(Files.readString(certificateFile));
        if (isCurrent(existing, hosts)) {
          return new GatewayCertificate(
              Files.readString(certificateFile), Files.readString(keyFile));
        }
      }
      KeyPair keys = newKeyPair();
      X509Certificate leaf =
          sign(
              ca,
              keys,
              new X500Name("CN=" + hosts.get(0) + ",O=Alphintra local"),
              hosts,
              SERVER_VALIDITY,
              false);
      String chain = pem(leaf) + pem(ca.certificate());
      OwnerOnlyFiles.write(certificateFile, chain);
      OwnerOnlyFiles.write(keyFile, pem(keys.getPrivate()));
      return new GatewayCertificate(chain, pem(keys.getPrivate()));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read or write " + directory + ": " + e.getMessage(), e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot make the local certificates: " + e.getMessage(), e);
    }
  }

  private boolean isCurrent(X509Certificate certificate, List<String> hosts)
      throws GeneralSecurityException {
    Instant renewAt = certificate.getNotAfter().toInstant().minus(RENEW_BEFORE);
    if (clock.instant().isAfter(renewAt)) {
      return false;
    }
    Collection<List<?>> names = certificate.getSubjectAlternativeNames();
    List<String> found = new ArrayList<>();
    if (names != null) {
      for (List<?> name : names) {
        found.add(String.valueOf(name.get(1)));
      }
    }
    return found.equals(hosts);
  }

  private record CertificateAndKey(X509Certificate certificate, PrivateKey key) {}

  private CertificateAndKey readOrCreateCa()
      throws IOException, GeneralSecurityException, OperatorCreationException {
    Path certificateFile = caCertificate();
    Path keyFile = directory.resolve("ca.key");
    if (Files.isRegularFile(certificateFile) && Files.isRegularFile(keyFile)) {
      return new CertificateAndKey(
          readCertificate(Files.readString(certificateFile)), readKey(Files.readString(keyFile)));
    }
    KeyPair keys = newKeyPair();
    X500Name subject = new X500Name("CN=Alphintra local development CA,O=Alphintra local");
    CertificateAndKey self = new CertificateAndKey(null, keys.getPrivate());
    X509Certificate certificate = sign(self, keys, subject, List.of(), CA_VALIDITY, true);
    OwnerOnlyFiles.write(keyFile, pem(keys.getPrivate()));
    OwnerOnlyFiles.write(certificateFile, pem(certificate));
    return new CertificateAndKey(certificate, keys.getPrivate());
  }

  private X509Certificate sign(
      CertificateAndKey issuer,
      KeyPair subjectKeys,
      X500Name subject,
      List<String> hosts,
      Duration validity,
      boolean authority)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    Instant now = clock.instant();
    X500Name issuerName =
        issuer.certificate() == null
            ? subject
            : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            issuerName,
            new BigInteger(127, random).add(BigInteger.ONE),
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(validity)),
            subject,
            subjectKeys.getPublic());
    JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
    builder.addExtension(
        Extension.subjectKeyIdentifier,
        false,
        extensions.createSubjectKeyIdentifier(subjectKeys.getPublic()));
    if (authority) {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      builder.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    } else {
      builder.addExtension(
          Extension.authorityKeyIdentifier,
          false,
          extensions.createAuthorityKeyIdentifier(issuer.certificate()));
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      builder.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      GeneralName[] names =
          hosts.stream()
              .map(host -> new GeneralName(GeneralName.dNSName, host))
              .toArray(GeneralName[]::new);
      builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
    }
    X509CertificateHolder holder =
        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.key()));
    return new JcaX509CertificateConverter().getCertificate(holder);
  }

  private static KeyPair newKeyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
    return generator.generateKeyPair();
  }

  /**
   * A TLS context that trusts the local CA of {@code caCertificate} and nothing else: what the
   * ingress probes use, so that a certificate any other authority issued fails them.
   */
  static SSLContext trustingOnly(Path caCertificate) throws IOException, GeneralSecurityException {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry(
        "alphintra-local-ca", readCertificate(Files.readString(caCertificate)));
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }

  static X509Certificate readCertificate(String pem) throws IOException, GeneralSecurityException {
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      Object object = parser.readObject();
      if (!(object instanceof X509CertificateHolder holder)) {
        throw new IOException("no certificate in PEM text");
      }
      return new JcaX509CertificateConverter().getCertificate(holder);
    }
  }

  private static PrivateKey readKey(String pem) throws IOException {
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      Object object = parser.readObject();
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      if (object instanceof PEMKeyPair pair) {
        return converter.getKeyPair(pair).getPrivate();
      }
      if (object instanceof org.bouncycastle.asn1.pkcs.PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
      throw new IOException("no private key in PEM text");
    }
  }

  static String pem(Object object) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      // Keys as PKCS#8 ("PRIVATE KEY"): what Envoy, openssl and our own reader all take.
      writer.writeObject(
          object instanceof PrivateKey key ? new JcaPKCS8Generator(key, null) : object);
    }
    return text.toString();
  }
}
