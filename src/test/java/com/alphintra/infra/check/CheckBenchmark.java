package com.alphintra.infra.check;

import com.alphintra.infra.exec.FakeProcessRunner;
import com.alphintra.infra.hcl.HclParser;
import com.alphintra.infra.manifest.ManifestLoader;
import com.alphintra.infra.manifest.Origin;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.PlatformLoader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Benchmark harness for {@code alphintra check} (prints figures; not a test). Generates a synthetic
 * platform of N services (each a Deployment, PodDisruptionBudget, Service, ServiceAccount,
 * ConfigMap, VirtualService, DestinationRule, AuthorizationPolicy, an ingress and an egress
 * NetworkPolicy and a Workload Identity ServiceAccount in overlays/dev, plus five Terraform
 * resources: a service account, its Workload Identity binding, a subnet, a topic and a database) in
 * a temporary folder, for N = 100, 1 000 and 5 000, and times a bare parse of its files (HCL and
 * YAML parsers only, plus the dev overlay as kubectl renders it) and a full check (load into the
 * Platform view with that rendered overlay, judge what it deploys with every rule; kubectl itself
 * is a fake that hands out the rendered text, so its own time is not counted). Prints files,
 * objects, seconds, objects per second, peak heap and the check/parse ratio. Each figure is the
 * faster of two runs after a warm-up; speed and the ratio use the CPU time of the measuring thread
 * (wall time is printed too, but swings with other load). Targets: ratio at most 2, linear growth,
 * N = 5 000 within 512 MB.
 *
 * <p>Run it from the repository root with {@code ./mvnw -Pbench -DskipTests verify} (with the
 * dev-loop benchmark), or alone, sizes as optional arguments:
 *
 * <pre>
 * ./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath
 * java -Xmx1g -cp target/classes:target/test-classes:$(cat target/test.classpath) \
 *     com.alphintra.infra.check.CheckBenchmark 100 1000 5000
 * </pre>
 */
public final class CheckBenchmark {

  private static final int TERRAFORM_RESOURCES_PER_SERVICE = 5;
  private static final int KUBERNETES_OBJECTS_PER_SERVICE = 11;

  /** The dev overlay as kubectl renders it, beside infra/: every object of base, istio and dev. */
  private static final String RENDERED = "rendered-dev.yaml";

  private CheckBenchmark() {}

  public static void main(String[] args) throws IOException {
    List<Integer> sizes =
        args.length == 0
            ? List.of(100, 1_000, 5_000)
            : Stream.of(args).map(Integer::parseInt).toList();
    Path scratch = Files.createTempDirectory("alphintra-bench-");
    try {
      Path warmup = generate(scratch.resolve("warmup"), 200);
      parse(warmup);
      check(warmup);
      System.out.printf(
          Locale.ROOT,
          "max heap %d MB, %d cores%n",
          Runtime.getRuntime().maxMemory() >> 20,
          Runtime.getRuntime().availableProcessors());
      System.out.printf(
          Locale.ROOT,
          "%6s %6s %7s | %7s %7s %8s %7s | %7s %7s %8s %7s %8s | %5s%n",
          "N",
          "files",
          "objects",
          "parse",
          "cpu s",
          "obj/cpu",
          "heap MB",
          "check",
          "cpu s",
          "obj/cpu",
          "heap MB",
          "findings",
          "ratio");
      for (int services : sizes) {
        Path tree = generate(scratch.resolve("n" + services), services);
        int files = countFiles(tree);
        int objects = services * (TERRAFORM_RESOURCES_PER_SERVICE + KUBERNETES_OBJECTS_PER_SERVICE);
        Measure parse = best(measure(() -> parse(tree)), measure(() -> parse(tree)));
        Measure check = best(measure(() -> check(tree)), measure(() -> check(tree)));
        System.out.printf(
            Locale.ROOT,
            "%6d %6d %7d | %6.2fs %7.2f %8.0f %7d | %6.2fs %7.2f %8.0f %7d %8d | %5.2f%n",
            services,
            files,
            objects,
            parse.seconds(),
            parse.cpuSeconds(),
            objects / parse.cpuSeconds(),
            parse.peakHeapMb(),
            check.seconds(),
            check.cpuSeconds(),
            objects / check.cpuSeconds(),
            check.peakHeapMb(),
            check.result(),
            check.cpuSeconds() / parse.cpuSeconds());
      }
    } finally {
      try (Stream<Path> paths = Files.walk(scratch)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  /**
   * Wall time, and the CPU time of the measuring thread (steady on a machine shared with other
   * builds).
   */
  private record Measure(double seconds, double cpuSeconds, long peakHeapMb, int result) {}

  /** The faster of two runs (the other shared machine load is noise), with the higher heap peak. */
  private static Measure best(Measure first, Measure second) {
    Measure faster = first.cpuSeconds() <= second.cpuSeconds() ? first : second;
    return new Measure(
        faster.seconds(),
        faster.cpuSeconds(),
        Math.max(first.peakHeapMb(), second.peakHeapMb()),
        faster.result());
  }

  private interface Work {
    int run() throws IOException;
  }

  /**
   * Runs the work once, timing it, while a sampler reads the heap in use every few milliseconds:
   * the peak is the most heap the JVM held at one moment (garbage included), which is what must fit
   * under -Xmx. Summing each pool's own peak would add moments that never coincided.
   */
  private static Measure measure(Work work) throws IOException {
    System.gc();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
    AtomicBoolean running = new AtomicBoolean(true);
    Thread sampler =
        new Thread(
            () -> {
              while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(2);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = System.nanoTime();
    long cpuStart = threads.getCurrentThreadCpuTime();
    int result;
    try {
      result = work.run();
    } finally {
      running.set(false);
    }
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    double seconds = (System.nanoTime() - start) / 1e9;
    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
    return new Measure(seconds, cpuSeconds, peak.get() >> 20, result);
  }

  /**
   * The baseline: every file through its parser, nothing kept. Returns the number of files parsed.
   */
  private static int parse(Path tree) throws IOException {
    ManifestLoader manifests = new ManifestLoader();
    int parsed = 0;
    // kubectl's output is input too: the check parses it as it parses the files.
    try {
      manifests.fromTextUntyped(
          Files.readString(tree.resolve(RENDERED)), Origin.rendered("overlay dev"));
    } catch (com.alphintra.infra.manifest.ManifestParseException e) {
      throw new IllegalStateException(e);
    }
    for (Path file : files(tree.resolve("infra"))) {
      String text = Files.readString(file);
      if (file.toString().endsWith(".tf")) {
        HclParser.parse(text, file);
      } else {
        try {
          manifests.fromText(text, Origin.of(file));
        } catch (com.alphintra.infra.manifest.ManifestParseException e) {
          throw new IllegalStateException(e);
        }
      }
      parsed++;
    }
    return parsed;
  }

  /** The real thing: load the Platform view and run every rule. Returns the number of findings. */
  private static int check(Path tree) throws IOException {
    // kubectl's work is its own; the tool's is to read the rendered overlay and judge it.
    FakeProcessRunner kubectl =
        new FakeProcessRunner()
            .succeeds(Files.readString(tree.resolve(RENDERED)), "kubectl", "kustomize");
    Platform platform = new PlatformLoader(kubectl).load(tree.resolve("infra"));
    if (platform.hasLoadErrors()) {
      throw new IllegalStateException(
          "generated tree does not load: " + platform.loadErrors().get(0));
    }
    return new CheckEngine(RuleRegistry.builtIn())
        .run(platform, CheckOptions.all())
        .findings()
        .size();
  }

  private static List<Path> files(Path tree) throws IOException {
    try (Stream<Path> paths = Files.walk(tree)) {
      return paths.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static int countFiles(Path tree) throws IOException {
    return files(tree.resolve("infra")).size();
  }

  static Path generate(Path tree, int services) throws IOException {
    Path infra = tree.resolve("infra");
    Path base = infra.resolve("kubernetes/base");
    Path istio = infra.resolve("kubernetes/istio");
    Path module = infra.resolve("terraform/modules/services");
    Path overlay = infra.resolve("kubernetes/overlays/dev");
    for (Path folder :
        List.of(
            base.resolve("services"),
            base.resolve("network-policies"),
            istio.resolve("traffic"),
            istio.resolve("security"),
            module,
            infra.resolve("terraform/environments/dev"),
            overlay)) {
      Files.createDirectories(folder);
    }
    Files.writeString(
        module.resolve("variables.tf"),
        """
        variable "project_id" {
          type        = string
          description = "The Google Cloud project."
        }
        """);
    Files.writeString(
        infra.resolve("terraform/environments/dev/main.tf"),
        """
        module "services" {
          source     = "../../modules/services"
          project_id = "alphintra-dev"
        }

        resource "google_project_iam_audit_config" "data_access" {
          for_each = toset(["container.googleapis.com", "cloudsql.googleapis.com"])

          project = "alphintra-dev"
          service = each.value

          audit_log_config {
            log_type = "DATA_READ"
          }
          audit_log_config {
            log_type = "DATA_WRITE"
          }
        }

        resource "google_logging_project_bucket_config" "audit" {
          project        = "alphintra-dev"
          location       = "us-east4"
          bucket_id      = "audit"
          retention_days = 400
        }

        resource "google_logging_project_sink" "audit" {
          name        = "audit"
          destination = "logging.googleapis.com/${google_logging_project_bucket_config.audit.id}"
          filter      = "logName:\\"cloudaudit.googleapis.com\\""
        }
        """);
    for (Path directory : List.of(module, infra.resolve("terraform/environments/dev"))) {
      Files.writeString(directory.resolve("versions.tf"), VERSIONS);
    }
    Files.createDirectories(istio.resolve("helm"));
    Files.writeString(base.resolve("namespace.yaml"), MESH);
    Files.writeString(istio.resolve("helm/gateway-values.yaml"), "name: istio-ingressgateway\n");
    for (int index = 0; index < services; index++) {
      String name = "svc-" + index;
      // Each service is called by the one before it (svc-0 by the last), allowed on both layers, so
      // the
      // cross-reference rules resolve a reference of every kind per service.
      String caller = "svc-" + ((index + services - 1) % services);
      Files.writeString(base.resolve("services/" + name + ".yaml"), kubernetes(name, index));
      Files.writeString(
          base.resolve("network-policies/" + name + ".yaml"), networkPolicy(name, caller));
      Files.writeString(istio.resolve("traffic/" + name + ".yaml"), traffic(name));
      Files.writeString(istio.resolve("security/" + name + ".yaml"), authorization(name, caller));
      Files.writeString(module.resolve(name + ".tf"), terraform(name, index));
      Files.writeString(overlay.resolve(name + "-workload-identity.yaml"), workloadIdentity(name));
    }
    Files.writeString(
        overlay.resolve("kustomization.yaml"),
        "resources:\n- ../../base\n- ../../istio\n"
            + java.util.stream.IntStream.range(0, services)
                .mapToObj(index -> "- svc-" + index + "-workload-identity.yaml\n")
                .collect(java.util.stream.Collectors.joining()));
    StringBuilder rendered = new StringBuilder();
    for (Path folder : List.of(base, istio, overlay)) {
      for (Path file : files(folder)) {
        String name = file.getFileName().toString();
        if (name.endsWith(".yaml")
            && !name.equals("kustomization.yaml")
            && !name.contains("values")) {
          rendered.append(Files.readString(file)).append("\n---\n");
        }
      }
    }
    Files.writeString(tree.resolve(RENDERED), rendered);
    return tree;
  }

  private static String kubernetes(String name, int index) {
    // Every tenth service has findings, so the report path is exercised too; the others are clean,
    // as a
    // real platform mostly is.
    String securityContext =
        index % 10 == 0
            ? ""
            : """
                  securityContext:
                    runAsNonRoot: true
                    runAsUser: 10001
                    allowPrivilegeEscalation: false
                    readOnlyRootFilesystem: true
                    capabilities: {drop: [ALL]}
                    seccompProfile: {type: RuntimeDefault}
        """;
    return """
        # %1$s: deployment, service and service account.
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: %1$s
          namespace: alphintra
          labels: {app.kubernetes.io/name: %1$s, app.kubernetes.io/part-of: alphintra}
        spec:
          replicas: 2
          selector:
            matchLabels: {app.kubernetes.io/name: %1$s}
          template:
            metadata:
              labels: {app.kubernetes.io/name: %1$s, app.kubernetes.io/version: "1.0.0"}
            spec:
              serviceAccountName: %1$s
              automountServiceAccountToken: false
              containers:
                - name: app
                  image: localhost:5000/alphintra/%1$s:1.0.%2$d
                  envFrom:
                    - configMapRef: {name: %1$s-config}
                  ports:
                    - {name: http, containerPort: 8080}
                  resources:
                    requests: {cpu: 100m, memory: 128Mi}
                    limits: {memory: 256Mi}
                  readinessProbe: {httpGet: {path: /readyz, port: http}}
                  livenessProbe: {httpGet: {path: /healthz, port: http}}
        %3$s---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata:
          name: %1$s
          namespace: alphintra
        spec:
          minAvailable: 1
          selector:
            matchLabels: {app.kubernetes.io/name: %1$s}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: %1$s
          namespace: alphintra
          labels: {app.kubernetes.io/name: %1$s}
        spec:
          selector: {app.kubernetes.io/name: %1$s}
          ports:
            - {name: http, port: 80, targetPort: http}
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: %1$s
          namespace: alphintra
        automountServiceAccountToken: false
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: %1$s-config
          namespace: alphintra
        data: {LOG_LEVEL: info}
        """
        .formatted(name, index, securityContext);
  }

  private static String networkPolicy(String name, String caller) {
    return """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: %1$s-from-gateway
          namespace: alphintra
        spec:
          podSelector:
            matchLabels: {app.kubernetes.io/name: %1$s}
          policyTypes: [Ingress]
          ingress:
            - from:
                - namespaceSelector:
                    matchLabels: {kubernetes.io/metadata.name: istio-ingress}
                - podSelector:
                    matchLabels: {app.kubernetes.io/name: %2$s}
              ports:
                - {protocol: TCP, port: 8080}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: %2$s-to-%1$s
          namespace: alphintra
        spec:
          podSelector:
            matchLabels: {app.kubernetes.io/name: %2$s}
          policyTypes: [Egress]
          egress:
            - to:
                - podSelector:
                    matchLabels: {app.kubernetes.io/name: %1$s}
              ports:
                - {protocol: TCP, port: 8080}
        """
        .formatted(name, caller);
  }

  private static String traffic(String name) {
    return """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: %1$s
          namespace: alphintra
        spec:
          hosts: [%1$s.alphintra.svc.cluster.local]
          http:
            - match:
                - method: {exact: GET}
              route:
                - destination:
                    host: %1$s.alphintra.svc.cluster.local
                    port: {number: 80}
                    subset: v1
              timeout: 5s
              retries: {attempts: 2, perTryTimeout: 2s}
            - route:
                - destination:
                    host: %1$s.alphintra.svc.cluster.local
                    port: {number: 80}
                    subset: v1
              timeout: 5s
              retries: {attempts: 0}
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: %1$s
          namespace: alphintra
        spec:
          host: %1$s.alphintra.svc.cluster.local
          trafficPolicy:
            tls: {mode: ISTIO_MUTUAL}
            connectionPool:
              tcp: {maxConnections: 100}
              http: {http1MaxPendingRequests: 100}
            outlierDetection: {consecutive5xxErrors: 5, interval: 10s, baseEjectionTime: 30s}
          subsets:
            - name: v1
              labels: {app.kubernetes.io/version: "1.0.0"}
        """
        .formatted(name);
  }

  private static String authorization(String name, String caller) {
    return """
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata:
          name: %1$s-from-gateway
          namespace: alphintra
        spec:
          selector:
            matchLabels: {app.kubernetes.io/name: %1$s}
          action: ALLOW
          rules:
            - from:
                - source:
                    principals:
                      - cluster.local/ns/istio-ingress/sa/istio-ingressgateway
                      - cluster.local/ns/alphintra/sa/%2$s
              to:
                - operation:
                    methods: [GET, POST]
                    paths: ["/api/*"]
        """
        .formatted(name, caller);
  }

  private static final String VERSIONS =
      """
      terraform {
        required_version = ">= 1.6"

        required_providers {
          google = {
            source  = "hashicorp/google"
            version = ">= 6.50, < 7.0"
          }
        }
      }
      """;

  /** The namespaces (default deny on both layers), mesh-wide mutual TLS and the ingress Gateway. */
  private static final String MESH =
      """
      apiVersion: v1
      kind: Namespace
      metadata:
        name: alphintra
        labels: {istio-injection: enabled, pod-security.kubernetes.io/enforce: restricted}
      ---
      apiVersion: v1
      kind: Namespace
      metadata:
        name: istio-ingress
        labels: {pod-security.kubernetes.io/enforce: restricted}
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: default-deny
        namespace: alphintra
      spec:
        podSelector: {}
        policyTypes: [Ingress, Egress]
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata:
        name: allow-nothing
        namespace: alphintra
      spec: {}
      ---
      apiVersion: security.istio.io/v1
      kind: PeerAuthentication
      metadata:
        name: default
        namespace: istio-system
      spec:
        mtls: {mode: STRICT}
      ---
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata:
        name: alphintra
        namespace: istio-ingress
      spec:
        selector: {istio: ingressgateway}
        servers:
          - port: {number: 443, name: https, protocol: HTTPS}
            hosts: [api.alphintra.example]
            tls: {mode: SIMPLE, credentialName: alphintra-tls}
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata:
        name: api
        namespace: istio-ingress
      spec:
        hosts: [api.alphintra.example]
        gateways: [istio-ingress/alphintra]
        http:
          - route:
              - destination:
                  host: svc-0.alphintra.svc.cluster.local
                  port: {number: 80}
            timeout: 5s
            retries: {attempts: 0}
      """;

  private static String workloadIdentity(String name) {
    return """
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: %1$s
          namespace: alphintra
          annotations:
            iam.gke.io/gcp-service-account: %1$s@alphintra-dev.iam.gserviceaccount.com
        """
        .formatted(name);
  }

  private static String terraform(String name, int index) {
    return """
        # %1$s: identity, Workload Identity binding, subnet, topic and database.
        resource "google_service_account" "%2$s" {
          project      = var.project_id
          account_id   = "%1$s"
          display_name = "Workload identity of %1$s"
        }

        resource "google_service_account_iam_member" "%2$s" {
          service_account_id = google_service_account.%2$s.name
          role               = "roles/iam.workloadIdentityUser"
          member             = "serviceAccount:${var.project_id}.svc.id.goog[alphintra/%1$s]"
        }

        resource "google_compute_subnetwork" "%2$s" {
          project       = var.project_id
          name          = "%1$s"
          ip_cidr_range = cidrsubnet("10.0.0.0/8", 16, %3$d)

          private_ip_google_access = true
          log_config {
            aggregation_interval = "INTERVAL_5_SEC"
            flow_sampling        = 0.5
          }
        }

        resource "google_pubsub_topic" "%2$s" {
          project = var.project_id
          name    = "%1$s-events"
          labels = {
            service = "%1$s"
          }
        }

        resource "google_sql_database" "%2$s" {
          project  = var.project_id
          name     = replace("%1$s", "-", "_")
          instance = "alphintra"
        }
        """
        .formatted(name, name.replace('-', '_'), index);
  }
}
