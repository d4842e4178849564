package com.alphintra.infra.platform;

import com.alphintra.infra.error.InputException;
import com.alphintra.infra.exec.Command;
import com.alphintra.infra.exec.ProcessResult;
import com.alphintra.infra.exec.ProcessRunner;
import com.alphintra.infra.hcl.Diagnostic;
import com.alphintra.infra.hcl.HclFile;
import com.alphintra.infra.hcl.HclParseException;
import com.alphintra.infra.hcl.HclParser;
import com.alphintra.infra.hcl.Token;
import com.alphintra.infra.manifest.FieldPath;
import com.alphintra.infra.manifest.KubeObject;
import com.alphintra.infra.manifest.ManifestDocument;
import com.alphintra.infra.manifest.ManifestFile;
import com.alphintra.infra.manifest.ManifestLoader;
import com.alphintra.infra.manifest.ManifestParseException;
import com.alphintra.infra.manifest.Origin;
import com.alphintra.infra.manifest.YamlComment;
import com.alphintra.infra.terraform.TerraformLoader;
import com.alphintra.infra.terraform.TerraformModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Reads {@code infra/} (or any folder of it) into a {@link Platform}: every {@code .tf}, {@code
 * .tfvars} and YAML file, and each kustomize overlay as {@code kubectl kustomize} renders it when
 * kubectl is installed. A file that cannot be read or parsed becomes a {@link LoadError} and every
 * other file is still loaded.
 */
public final class PlatformLoader {

  static final Duration KUSTOMIZE_TIMEOUT = Duration.ofSeconds(60);
  static final Duration TERRAFORM_SCHEMA_TIMEOUT = Duration.ofSeconds(120);
  private static final Set<String> SKIPPED_DIRECTORIES =
      Set.of(".terraform", ".git", "node_modules", "charts");

  private final ProcessRunner processes;
  private final ManifestLoader manifests = new ManifestLoader();
  private final Optional<Path> helmRenderCache;

  public PlatformLoader(ProcessRunner processes) {
    this(processes, Optional.empty());
  }

  /**
   * A loader that, with {@code helmRenderCache} (a folder), keeps what each Helm release renders
   * there and reads it back while the chart archive and values are unchanged ({@link
   * HelmRenderCache}): the command line's choice; tests render every time unless they test the
   * cache.
   */
  public PlatformLoader(ProcessRunner processes, Optional<Path> helmRenderCache) {
    this.processes = processes;
    this.helmRenderCache = helmRenderCache;
  }

  /**
   * Loads the folder {@code target}; paths in the view are relative to the repository root above it
   * (the folder holding {@code infra/}).
   *
   * @throws InputException when {@code target} is not a directory
   */
  public Platform load(Path target) {
    return load(target, Optional.empty());
  }

  /**
   * Loads the folder {@code target} with the provider schemas of {@code providerSchema} (the output
   * of {@code terraform providers schema -json}); without one, the schemas are read with {@code
   * terraform} from each initialised Terraform directory (one holding {@code .terraform/}) when
   * terraform is installed.
   *
   * @throws InputException when {@code target} is not a directory
   */
  public Platform load(Path target, Optional<Path> providerSchema) {
    return load(target, providerSchema, Optional.empty());
  }

  /**
   * As {@link #load(Path, Optional)}, and, with {@code charts} (a folder of chart archives {@code
   * <chart>-<version>.tgz}), with the objects every Helm release of every overlay renders (see
   * {@link HelmReleases}), when the whole of infra/ or infra/kubernetes is loaded.
   *
   * @throws InputException when {@code target} is not a directory
   */
  public Platform load(Path target, Optional<Path> providerSchema, Optional<Path> charts) {
    Path folder = target.toAbsolutePath().normalize();
    if (!Files.isDirectory(folder)) {
      throw new InputException(
          "no such directory: " + target,
          target,
          "pass the infra/ folder of the repository (or one of its subfolders), or run inside the repository");
    }
    return new Reading(rootOf(folder), providerSchema, charts).read(folder);
  }

  /**
   * The folder holding the {@code infra/} that {@code folder} is in, else {@code folder} itself.
   */
  static Path rootOf(Path folder) {
    for (Path candidate = folder; candidate != null; candidate = candidate.getParent()) {
      if (candidate.getFileName() != null && candidate.getFileName().toString().equals("infra")) {
        return candidate.getParent() == null ? candidate : candidate.getParent();
      }
    }
    return folder;
  }

  /** One load: collects the parts of the view as files are read. */
  private final class Reading {

    private final Path root;
    private final List<Path> files = new ArrayList<>();
    private final Map<Path, List<SourceComment>> comments = new HashMap<>();
    private final List<LoadError> errors = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<Path, List<HclFile>> tfFiles = new TreeMap<>();
    private final Map<Path, List<HclFile>> tfvarsFiles = new TreeMap<>();
    private final List<LoadedObject> objects = new ArrayList<>();
    private final List<K3dConfig> k3d = new ArrayList<>();
    private final Map<String, KubernetesView> overlays = new TreeMap<>();
    private final Optional<Path> providerSchemaFile;
    private final List<IstioGatewayValues> gatewayValues = new ArrayList<>();
    private final Map<Path, ManifestDocument> kustomizations = new HashMap<>();
    private final Map<Path, List<ManifestDocument>> documents = new HashMap<>();

    private final Optional<Path> charts;

    Reading(Path root, Optional<Path> providerSchemaFile, Optional<Path> charts) {
      this.root = root;
      this.providerSchemaFile = providerSchemaFile;
      this.charts = charts;
    }

    /**
     * Starts rendering the Helm releases' objects on {@code pool}, when asked for and the whole
     * Kubernetes tree is loaded; empty otherwise. The render reads only the chart archives and
     * infra/versions.yaml, so it runs while the files are parsed.
     */
    private Optional<Future<HelmReleases.Templates>> startHelm(
        Path loaded, List<Path> overlayDirectories, ExecutorService pool) {
      boolean covers =
          loaded.toString().isEmpty()
              || loaded.equals(Path.of("infra"))
              || loaded.equals(Path.of("infra", "kubernetes"));
      if (charts.isEmpty()
          || !covers
          || overlayDirectories.isEmpty()
          || !Files.isDirectory(root.resolve("infra/kubernetes/istio/helm"))
          || !Files.isDirectory(root.resolve("infra/kubernetes/observability/helm"))
          || !Files.isRegularFile(
              root.resolve(com.alphintra.infra.workspace.Workspace.VERSIONS_FILE))) {
        return Optional.empty();
      }
      List<String> names =
          overlayDirectories.stream().map(d -> d.getFileName().toString()).sorted().toList();
      return Optional.of(
          pool.submit(() -> HelmReleases.template(root, charts.get(), names, helmRenderCache)));
    }

    /** The Helm releases' objects with our values files attached, once the files are parsed. */
    private HelmReleases.Result helm(Optional<Future<HelmReleases.Templates>> render) {
      if (render.isEmpty()) {
        return HelmReleases.Result.none();
      }
      try {
        HelmReleases.Result result = render.get().get().withValues(root, documents);
        notes.addAll(result.notes());
        errors.addAll(result.errors());
        return result;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the Helm releases were rendered", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof InputException input) {
          errors.add(
              new LoadError(
                  Path.of("infra", "versions.yaml"),
                  0,
                  0,
                  "cannot list the Helm releases: "
                      + input.getMessage()
                      + input.location().map(where -> " (" + where + ")").orElse("")));
          return HelmReleases.Result.none();
        }
        throw new IllegalStateException("the Helm releases could not be rendered", e.getCause());
      }
    }

    Platform read(Path folder) {
      List<Path> all = walk(folder);
      List<Path> overlayDirectories =
          all.stream()
              .filter(file -> file.getFileName().toString().equals("kustomization.yaml"))
              .map(Path::getParent)
              .filter(
                  directory ->
                      directory.getParent() != null
                          && directory.getParent().getFileName().toString().equals("overlays"))
              .toList();
      // kubectl runs while the files are parsed: rendering is most of a cold check's wall time
      // otherwise.
      List<Future<ProcessResult>> renders = new ArrayList<>();
      ExecutorService kubectl =
          Executors.newFixedThreadPool(
              Math.max(1, Math.min(4, overlayDirectories.size())),
              runnable -> {
                Thread thread = new Thread(runnable, "kubectl-kustomize");
                thread.setDaemon(true);
                return thread;
              });
      ExecutorService helmPool =
          Executors.newSingleThreadExecutor(
              runnable -> {
                Thread thread = new Thread(runnable, "helm-template");
                thread.setDaemon(true);
                return thread;
              });
      Optional<Future<HelmReleases.Templates>> helmRender =
          startHelm(relative(folder), overlayDirectories, helmPool);
      HelmReleases.Result helm;
      try {
        for (Path overlay : overlayDirectories) {
          renders.add(
              kubectl.submit(() -> OverlayRendering.render(processes, overlay, KUSTOMIZE_TIMEOUT)));
        }
        for (Path file : all) {
          String name = file.getFileName().toString();
          if (name.endsWith(".tf")) {
            readHcl(file)
                .ifPresent(
                    hcl ->
                        tfFiles
                            .computeIfAbsent(relative(file.getParent()), d -> new ArrayList<>())
                            .add(hcl));
          } else if (name.equals("terraform.tfvars") || name.endsWith(".auto.tfvars")) {
            readHcl(file)
                .ifPresent(
                    hcl ->
                        tfvarsFiles
                            .computeIfAbsent(relative(file.getParent()), d -> new ArrayList<>())
                            .add(hcl));
          } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            readYaml(file);
          }
        }
        for (int index = 0; index < renders.size(); index++) {
          if (!addRendered(overlayDirectories.get(index), await(renders.get(index)))) {
            break;
          }
        }
        helm = helm(helmRender);
      } finally {
        kubectl.shutdownNow();
        helmPool.shutdownNow();
      }
      Set<Path> shared = sharedTerraformDirectories(all);
      List<TerraformModule> modules = new ArrayList<>();
      tfFiles.forEach(
          (directory, hcl) -> {
            if (!shared.contains(root.resolve(directory))) {
              modules.add(
                  TerraformModule.of(
                      root.resolve(directory),
                      hcl,
                      tfvarsFiles.getOrDefault(directory, List.of())));
            }
          });
      // A folder inside infra/kubernetes holds only part of what references resolve against.
      Path loaded = relative(folder);
      Path kubernetes = Path.of("infra", "kubernetes");
      boolean whole = !loaded.startsWith(kubernetes) || loaded.equals(kubernetes);
      if (!whole && !objects.isEmpty()) {
        notes.add(
            "only "
                + loaded
                + " of infra/kubernetes was loaded: references between Kubernetes objects were not"
                + " resolved (check infra/kubernetes or infra to resolve them)");
      }
      Optional<ProviderSchema> schema =
          modules.isEmpty() ? Optional.empty() : providerSchema(tfFiles.keySet());
      KubernetesView written = new KubernetesView(objects, gatewayValues, whole);
      Kustomizations kustomize = new Kustomizations(kustomizations, documents, objects);
      KubernetesView deployed = Platform.deployed(written, overlays, kustomize);
      if (!helm.objects().isEmpty()) {
        List<LoadedObject> judged = new ArrayList<>(deployed.objects());
        judged.addAll(helm.objects());
        deployed = new KubernetesView(judged, gatewayValues, deployed.isComplete());
      }
      return new Platform(
          root,
          new TerraformView(root, modules, schema),
          written,
          overlays,
          k3d,
          files,
          comments,
          errors,
          notes,
          kustomize,
          deployed,
          helm);
    }

    /**
     * The schema of --provider-schema, else those terraform reads from the initialised directories.
     */
    private Optional<ProviderSchema> providerSchema(Set<Path> terraformDirectories) {
      if (providerSchemaFile.isPresent()) {
        Path file = providerSchemaFile.get();
        try {
          return Optional.of(ProviderSchema.parse(Files.readString(file), file));
        } catch (IOException e) {
          errors.add(
              new LoadError(file, 0, 0, "cannot read the provider schema: " + e.getMessage()));
        } catch (InputException e) {
          errors.add(new LoadError(file, 0, 0, e.getMessage()));
        }
        return Optional.empty();
      }
      Optional<ProviderSchema> merged = Optional.empty();
      for (Path directory : terraformDirectories) {
        Path absolute = root.resolve(directory);
        if (!Files.isDirectory(absolute.resolve(".terraform"))) {
          continue;
        }
        ProcessResult result =
            processes.run(
                Command.of("terraform", "providers", "schema", "-json")
                    .inDirectory(absolute)
                    .withTimeout(TERRAFORM_SCHEMA_TIMEOUT));
        if (result.status() == ProcessResult.Status.NOT_FOUND) {
          notes.add(
              "terraform is not installed: resources were not checked against the provider schema (install"
                  + " terraform, or pass --provider-schema FILE)");
          return merged;
        }
        if (!result.succeeded()) {
          notes.add("cannot read the provider schema of " + directory + ": " + result.describe());
          continue;
        }
        try {
          ProviderSchema schema = ProviderSchema.parse(result.stdout(), directory);
          merged = Optional.of(merged.map(known -> known.merge(schema)).orElse(schema));
        } catch (InputException e) {
          notes.add("cannot read the provider schema of " + directory + ": " + e.getMessage());
        }
      }
      return merged;
    }

    private ProcessResult await(Future<ProcessResult> render) {
      try {
        return render.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while kubectl kustomize was running", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("kubectl kustomize could not be run", e.getCause());
      }
    }

    /** A regular file, or a link to one; a link to nothing is a load error. */
    private boolean isReadableFile(Path path) {
      if (Files.isSymbolicLink(path) && !Files.exists(path)) {
        String target;
        try {
          target = Files.readSymbolicLink(path).toString();
        } catch (IOException e) {
          target = "?";
        }
        errors.add(
            new LoadError(
                relative(path), 0, 0, "a symbolic link to " + target + ", which is missing"));
        return false;
      }
      return Files.isRegularFile(path);
    }

    /** The folders holding only .tf files that environment roots link to: not modules. */
    private Set<Path> sharedTerraformDirectories(List<Path> files) {
      List<Path> tf =
          files.stream().filter(f -> f.getFileName().toString().endsWith(".tf")).toList();
      try {
        return TerraformLoader.sharedDirectories(tf).stream()
            .map(d -> root.resolve(relative(d)))
            .collect(java.util.stream.Collectors.toSet());
      } catch (IOException e) {
        errors.add(new LoadError(Path.of("infra", "terraform"), 0, 0, "cannot read a link: " + e));
        return Set.of();
      }
    }

    private List<Path> walk(Path folder) {
      try (Stream<Path> paths = Files.walk(folder)) {
        return paths
            .filter(
                path ->
                    root.relativize(path).toString().isEmpty()
                        || java.util.stream.StreamSupport.stream(
                                root.relativize(path).spliterator(), false)
                            .noneMatch(part -> SKIPPED_DIRECTORIES.contains(part.toString())))
            .filter(this::isReadableFile)
            .sorted()
            .toList();
      } catch (IOException | UncheckedIOException e) {
        errors.add(
            new LoadError(relative(folder), 0, 0, "cannot list the folder: " + e.getMessage()));
        return List.of();
      }
    }

    private Optional<HclFile> readHcl(Path file) {
      Path relative = relative(file);
      files.add(relative);
      Optional<String> text = readText(file, relative);
      if (text.isEmpty()) {
        return Optional.empty();
      }
      try {
        HclFile hcl = HclParser.parse(text.get(), relative);
        addComments(relative, hclComments(hcl, text.get()));
        return Optional.of(hcl);
      } catch (HclParseException e) {
        Diagnostic first = e.first();
        String more =
            e.diagnostics().size() > 1 ? " (and " + (e.diagnostics().size() - 1) + " more)" : "";
        errors.add(
            new LoadError(
                relative,
                first.subject().start().line(),
                first.subject().start().column(),
                "malformed HCL: " + first.summary() + ". " + first.detail() + more));
        return Optional.empty();
      }
    }

    private void readYaml(Path file) {
      Path relative = relative(file);
      files.add(relative);
      Optional<String> text = readText(file, relative);
      if (text.isEmpty()) {
        return;
      }
      ManifestFile manifest;
      try {
        manifest = manifests.fromText(text.get(), Origin.of(relative));
      } catch (ManifestParseException e) {
        errors.add(
            new LoadError(
                relative,
                e.position().map(p -> p.line()).orElse(0),
                e.position().map(p -> p.column()).orElse(0),
                "malformed YAML: " + e.reason()));
        return;
      }
      List<SourceComment> fileComments = new ArrayList<>();
      for (YamlComment comment : manifest.comments()) {
        fileComments.add(new SourceComment(comment.line(), comment.text(), !comment.inline()));
      }
      addComments(relative, fileComments);
      documents.put(relative, manifest.documents());
      String name = relative.getFileName().toString();
      if ((name.equals("kustomization.yaml") || name.equals("kustomization.yml"))
          && !manifest.documents().isEmpty()) {
        kustomizations.put(relative, manifest.documents().get(0));
      }
      if (isIstioGatewayValues(relative)) {
        manifest.documents().stream()
            .findFirst()
            .flatMap(document -> istioGatewayValues(relative, document))
            .ifPresent(gatewayValues::add);
      }
      for (KubeObject object : manifest.objects()) {
        if (object.apiVersion().startsWith("k3d.io/")) {
          k3d.add(new K3dConfig(relative, object.document()));
        } else if (!object.apiVersion().startsWith("kustomize.config.k8s.io/")) {
          objects.add(
              new LoadedObject(
                  new KubeObject(object.document(), Optional.empty(), object.problems()),
                  relative,
                  Optional.empty()));
        }
      }
    }

    /**
     * Adds an overlay's rendered objects; false when kubectl is missing, so the other results are
     * moot.
     */
    private boolean addRendered(Path overlay, ProcessResult result) {
      Path relative = relative(overlay);
      String name = overlay.getFileName().toString();
      if (result.status() == ProcessResult.Status.NOT_FOUND) {
        notes.add(
            "kubectl is not installed: the kustomize overlays were not rendered, only the files as written"
                + " were checked (install kubectl to check what each overlay deploys)");
        return false;
      }
      if (!result.succeeded()) {
        errors.add(
            new LoadError(
                relative.resolve("kustomization.yaml"),
                0,
                0,
                "cannot render overlay " + name + ": " + result.describe()));
        return true;
      }
      if (OverlayRendering.usesExample(overlay)) {
        notes.add(
            "overlay "
                + name
                + " was rendered with "
                + OverlayRendering.EXAMPLE
                + " (no "
                + OverlayRendering.OUTPUTS
                + ": 'alphintra cloud outputs --env "
                + name
                + "' writes it)");
      }
      try {
        ManifestFile rendered =
            manifests.fromTextUntyped(result.stdout(), Origin.rendered("overlay " + name));
        List<LoadedObject> renderedObjects = new ArrayList<>();
        for (KubeObject object : rendered.objects()) {
          // Untyped: the typed model and its problems belong to the files as written (the schema
          // rule reads those); a rendered copy keeps its tree and positions only.
          renderedObjects.add(new LoadedObject(object, relative, Optional.of(name)));
        }
        overlays.put(name, new KubernetesView(renderedObjects, gatewayValues, true));
      } catch (ManifestParseException e) {
        errors.add(
            new LoadError(
                relative.resolve("kustomization.yaml"),
                0,
                0,
                "overlay " + name + " renders to malformed YAML: " + e.getMessage()));
      }
      return true;
    }

    private Optional<String> readText(Path file, Path relative) {
      try {
        return Optional.of(Files.readString(file));
      } catch (CharacterCodingException e) {
        errors.add(new LoadError(relative, 0, 0, "not UTF-8 text"));
      } catch (IOException e) {
        errors.add(new LoadError(relative, 0, 0, "cannot read the file: " + e.getMessage()));
      }
      return Optional.empty();
    }

    private void addComments(Path file, List<SourceComment> fileComments) {
      if (!fileComments.isEmpty()) {
        comments.put(file, List.copyOf(fileComments));
      }
    }

    private Path relative(Path path) {
      return root.relativize(path);
    }
  }

  /** Helm values of the istio/gateway chart: {@code istio/helm/gateway*-values.yaml}. */
  private static boolean isIstioGatewayValues(Path relative) {
    String name = relative.getFileName().toString();
    Path helm = relative.getParent();
    return name.startsWith("gateway")
        && name.endsWith("values.yaml")
        && helm != null
        && helm.getFileName().toString().equals("helm")
        && helm.getParent() != null
        && helm.getParent().getFileName().toString().equals("istio");
  }

  /**
   * The pod labels the istio/gateway chart derives from its values (see {@link
   * IstioGatewayValues}).
   */
  private static Optional<IstioGatewayValues> istioGatewayValues(
      Path file, ManifestDocument document) {
    Optional<Map<String, Object>> values = document.rootMap();
    if (values.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> labels = new java.util.LinkedHashMap<>();
    if (values.get().get("name") instanceof String name) {
      labels.put("app", name);
      labels.put("istio", name.startsWith("istio-") ? name.substring("istio-".length()) : name);
    }
    if (values.get().get("labels") instanceof Map<?, ?> written) {
      written.forEach(
          (key, value) -> {
            if (key instanceof String label && value instanceof String text) {
              labels.put(label, text);
            }
          });
    }
    int line = document.positionOf(FieldPath.parse("labels")).orElse(document.start()).line();
    Optional<String> account =
        values.get().get("serviceAccount") instanceof Map<?, ?> settings
                && settings.get("name") instanceof String name
                && !name.isEmpty()
            ? Optional.of(name)
            : values.get().get("name") instanceof String name
                ? Optional.of(name)
                : Optional.empty();
    return Optional.of(new IstioGatewayValues(file, line, labels, account));
  }

  private static List<SourceComment> hclComments(HclFile hcl, String text) {
    List<SourceComment> found = new ArrayList<>();
    for (Token token : hcl.comments()) {
      int offset = token.range().start().offset();
      int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
      boolean ownLine = text.substring(lineStart, offset).isBlank();
      String body = token.text().strip();
      if (body.startsWith("#")) {
        body = body.substring(1);
      } else if (body.startsWith("//") || body.startsWith("/*")) {
        body = body.substring(2);
      }
      found.add(new SourceComment(token.range().start().line(), body.strip(), ownLine));
    }
    return found;
  }
}
