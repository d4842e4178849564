package com.alphintra.infra.cli;

import com.alphintra.infra.local.DownRequest;
import com.alphintra.infra.local.DownResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "down",
    mixinStandardHelpOptions = true,
    header = "Delete the local cluster and its registry; keep the data.",
    description = {
      "The persistent-volume host folder survives, so data persists across down and up,",
      "unless --purge. The local CA and secret values in .alphintra/ are always kept."
    })
final class DownCommand implements Callable<Integer> {

  private final Services services;

  @Spec CommandSpec spec;

  @Option(
      names = "--keep-registry",
      description = "Keep the image registry (and the images pushed to it).")
  boolean keepRegistry;

  @Option(
      names = "--purge",
      description = "Also delete the persistent-volume host folder (all local data).")
  boolean purge;

  DownCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() throws InterruptedException {
    DownResult result = services.localEnvironment().down(new DownRequest(keepRegistry, purge));
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        result.clusterDeleted()
            ? "Deleted the k3d cluster '" + result.cluster() + "'."
            : "No k3d cluster '" + result.cluster() + "': nothing to delete.");
    if (!result.registry().isEmpty()) {
      out.println(
          keepRegistry
              ? "Kept the registry " + result.registry() + " (--keep-registry)."
              : result.registryDeleted()
                  ? "Deleted the registry " + result.registry() + "."
                  : "No registry " + result.registry() + " left to delete.");
    }
    for (Path kept : result.keptData()) {
      out.println(
          "Kept the data in "
              + kept
              + " (the next 'alphintra up' uses it again; --purge deletes it).");
    }
    for (Path purged : result.purgedData()) {
      out.println("Purged the data in " + purged + ".");
    }
    return ExitCode.OK.code();
  }
}
