package com.alphintra.infra.image;

import com.alphintra.infra.error.OperationFailedException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import com.google.cloud.tools.jib.api.buildplan.Port;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * Builds container images with Jib: no Docker daemon, layers cached on disk so a rebuild after a
 * small change only makes and pushes the one layer that changed.
 */
public final class ImageBuilder implements ImagePublisher {

  private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1");

  private final Path cacheDirectory;

  /**
   * @param cacheDirectory where base and application layers are cached between builds
   */
  public ImageBuilder(Path cacheDirectory) {
    this.cacheDirectory = cacheDirectory;
  }

  @Override
  public BuiltImage publish(ImageRequest request, String reference) {
    return build(request, new ImageDestination.Registry(reference));
  }

  public BuiltImage build(ImageRequest request, ImageDestination destination) {
    return build(request, destination, Optional.empty());
  }

  /**
   * Builds {@code request} into {@code destination}, authenticating to a destination registry with
   * {@code credential} when given.
   */
  public BuiltImage build(
      ImageRequest request, ImageDestination destination, Optional<RegistryCredential> credential) {
    return build(request, destination, credential, hostPlatform());
  }

  /**
   * Builds {@code request} for {@code platform} (a registry base is resolved for it), e.g. the GKE
   * nodes' linux/amd64 whatever this machine is.
   */
  public BuiltImage build(
      ImageRequest request,
      ImageDestination destination,
      Optional<RegistryCredential> credential,
      Platform platform) {
    requireClasses(request.classes());
    long started = System.nanoTime();
    try {
      // OCI into registries; docker-save format into tarballs, so `docker load` and Jib can read
      // them back.
      ImageFormat format =
          destination instanceof ImageDestination.Tarball ? ImageFormat.Docker : ImageFormat.OCI;
      JibContainerBuilder container =
          from(request.base())
              .setFormat(format)
              .addFileEntriesLayer(
                  FileEntriesLayer.builder()
                      .setName("classes")
                      .addEntryRecursive(
                          request.classes(), AbsoluteUnixPath.get(request.appRoot() + "/classes"))
                      .build())
              .setWorkingDirectory(AbsoluteUnixPath.get(request.appRoot()))
              .setEntrypoint(request.entrypoint())
              .setUser(request.user())
              .setExposedPorts(Set.of(Port.tcp(request.port())))
              .setLabels(request.labels());
      if (request.base() instanceof BaseImage.Registry) {
        container.setPlatforms(Set.of(platform));
      }
      JibContainer result = container.containerize(containerizer(destination, credential));
      return new BuiltImage(
          destination.reference(),
          result.getDigest().toString(),
          result.getImageId().toString(),
          Duration.ofNanos(System.nanoTime() - started));
    } catch (InvalidImageReferenceException e) {
      throw new OperationFailedException(
          "invalid image reference: " + e.getMessage(), "check images.* in infra/versions.yaml");
    } catch (IOException e) {
      throw new OperationFailedException(
          "building the image failed: " + e.getMessage(),
          "check that "
              + request.classes()
              + " is readable and "
              + cacheDirectory
              + " is writable");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OperationFailedException(
          "building the image was interrupted", "run the command again");
    } catch (ExecutionException
        | com.google.cloud.tools.jib.api.RegistryException
        | com.google.cloud.tools.jib.api.CacheDirectoryCreationException e) {
      throw failure(request, destination, e);
    }
  }

  /** The platform of this machine, so the pinned base matches the cluster nodes k3d runs here. */
  public static Platform hostPlatform() {
    String arch = System.getProperty("os.arch");
    return new Platform(
        arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : "amd64", "linux");
  }

  /** Plain HTTP and self-signed TLS are allowed for a registry on this machine's loopback only. */
  public static boolean isLoopbackRegistry(String reference) {
    try {
      String registry = ImageReference.parse(reference).getRegistry();
      String host =
          registry.contains(":") ? registry.substring(0, registry.indexOf(':')) : registry;
      return LOOPBACK_HOSTS.contains(host);
    } catch (InvalidImageReferenceException e) {
      return false;
    }
  }

  private static JibContainerBuilder from(BaseImage base) throws InvalidImageReferenceException {
    if (base instanceof BaseImage.Registry registry) {
      return Jib.from(RegistryImage.named(registry.reference()));
    }
    if (base instanceof BaseImage.Tarball tarball) {
      return Jib.from(TarImage.at(tarball.file()));
    }
    return Jib.fromScratch();
  }

  /**
   * Copies {@code source} from its registry into {@code target} with Jib, registry to registry
   * (layers are streamed through the base-layer cache; no Docker daemon), for {@code platform}. The
   * copy keeps the source's layers, entrypoint, user, environment and labels; its manifest is
   * Jib's, so its digest differs from the source's.
   *
   * @param credential for the target registry; the source is pulled anonymously
   */
  public BuiltImage copy(
      String source, String target, Platform platform, Optional<RegistryCredential> credential) {
    long started = System.nanoTime();
    try {
      RegistryImage from = RegistryImage.named(source);
      JibContainer result =
          Jib.from(from)
              .setPlatforms(Set.of(platform))
              .containerize(
                  containerizer(new ImageDestination.Registry(target), credential)
                      .setAllowInsecureRegistries(
                          isLoopbackRegistry(source) || isLoopbackRegistry(target)));
      return new BuiltImage(
          target,
          result.getDigest().toString(),
          result.getImageId().toString(),
          Duration.ofNanos(System.nanoTime() - started));
    } catch (InvalidImageReferenceException e) {
      throw new OperationFailedException(
          "invalid image reference: " + e.getMessage(),
          "check the mirror list (mirror.*) in infra/versions.yaml");
    } catch (IOException
        | ExecutionException
        | com.google.cloud.tools.jib.api.RegistryException
        | com.google.cloud.tools.jib.api.CacheDirectoryCreationException e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      String message =
          cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
      throw new OperationFailedException(
          "could not copy " + source + " to " + target + ": " + message,
          "check that "
              + source
              + " can be pulled and that the credentials may write to "
              + target);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OperationFailedException(
          "copying " + source + " was interrupted", "run the command again");
    }
  }

  private Containerizer containerizer(
      ImageDestination destination, Optional<RegistryCredential> credential)
      throws InvalidImageReferenceException {
    Containerizer containerizer;
    if (destination instanceof ImageDestination.Tarball tarball) {
      containerizer = Containerizer.to(TarImage.at(tarball.file()).named(tarball.reference()));
    } else {
      RegistryImage target = RegistryImage.named(destination.reference());
      credential.ifPresent(given -> target.addCredential(given.username(), given.secret()));
      containerizer =
          Containerizer.to(target)
              .setAllowInsecureRegistries(isLoopbackRegistry(destination.reference()));
    }
    return containerizer
        .setToolName("alphintra")
        .setBaseImageLayersCache(cacheDirectory.resolve("base"))
        .setApplicationLayersCache(cacheDirectory.resolve("application"));
  }

  private static void requireClasses(Path classes) {
    boolean present;
    try (Stream<Path> entries = Files.isDirectory(classes) ? Files.list(classes) : Stream.empty()) {
      present = entries.findAny().isPresent();
    } catch (IOException e) {
      present = false;
    }
    if (!present) {
      throw new OperationFailedException(
          "no compiled classes in " + classes,
          "compile the service first: ./mvnw -f services/sample-service/pom.xml compile");
    }
  }

  private OperationFailedException failure(
      ImageRequest request, ImageDestination destination, Exception exception) {
    Throwable cause =
        exception instanceof ExecutionException && exception.getCause() != null
            ? exception.getCause()
            : exception;
    String message =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    String where =
        destination instanceof ImageDestination.Registry
            ? "push to " + destination.reference()
            : "write " + destination.reference();
    return new OperationFailedException(
        "could not build and " + where + ": " + message,
        hint(request, destination, message, cacheDirectory));
  }

  /**
   * Says which side failed: pulling the base (Jib names its registry in the error), or the
   * destination.
   */
  static String hint(
      ImageRequest request, ImageDestination destination, String message, Path cacheDirectory) {
    if (request.base() instanceof BaseImage.Registry base) {
      String baseRegistry = registryOf(base.reference());
      if (!baseRegistry.isEmpty() && message.contains(baseRegistry)) {
        return "the base image "
            + base.reference()
            + " could not be pulled from "
            + baseRegistry
            + ": check the network or proxy; once pulled its layers are cached in "
            + cacheDirectory.resolve("base");
      }
    }
    if (destination instanceof ImageDestination.Registry
        && isLoopbackRegistry(destination.reference())) {
      return "is the local registry running? 'alphintra up' creates it (k3d-alphintra-registry.localhost,"
          + " on the host port of registries.create in the k3d config); 'k3d registry list' shows it";
    }
    return "check that the base image "
        + request.base().describe()
        + " and "
        + destination.reference()
        + " are reachable";
  }

  private static String registryOf(String reference) {
    try {
      return ImageReference.parse(reference).getRegistry();
    } catch (InvalidImageReferenceException e) {
      return "";
    }
  }
}
