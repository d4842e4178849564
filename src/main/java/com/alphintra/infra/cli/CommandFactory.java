package com.alphintra.infra.cli;

import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Hands each command its services: the explicit list of which command gets what. */
final class CommandFactory implements CommandLine.IFactory {

  private final Map<Class<?>, Supplier<Object>> commands;

  CommandFactory(Services services) {
    this.commands =
        Map.ofEntries(
            Map.entry(CheckCommand.class, () -> new CheckCommand(services)),
            Map.entry(DoctorCommand.class, () -> new DoctorCommand(services)),
            Map.entry(UpCommand.class, () -> new UpCommand(services)),
            Map.entry(DownCommand.class, () -> new DownCommand(services)),
            Map.entry(StatusCommand.class, () -> new StatusCommand(services)),
            Map.entry(AccessCommand.class, () -> new AccessCommand(services)),
            Map.entry(CloudBootstrapCommand.class, () -> new CloudBootstrapCommand(services)),
            Map.entry(CloudPlanCommand.class, () -> new CloudPlanCommand(services)),
            Map.entry(CloudApplyCommand.class, () -> new CloudApplyCommand(services)),
            Map.entry(CloudDestroyCommand.class, () -> new CloudDestroyCommand(services)),
            Map.entry(CloudKubeconfigCommand.class, () -> new CloudKubeconfigCommand(services)),
            Map.entry(CloudOutputsCommand.class, () -> new CloudOutputsCommand(services)),
            Map.entry(CloudImagesCommand.class, () -> new CloudImagesCommand(services)),
            Map.entry(DevDeployCommand.class, () -> new DevDeployCommand(services)),
            Map.entry(VersionProvider.class, () -> new VersionProvider(services)));
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    Supplier<Object> supplier = commands.get(type);
    return supplier == null ? CommandLine.defaultFactory().create(type) : type.cast(supplier.get());
  }
}
