package com.alphintra.infra.cli;

import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Hands each command its services: the explicit list of which command gets what. */
final class CommandFactory implements CommandLine.IFactory {

  private final Map<Class<?>, Supplier<Object>> commands;

  CommandFactory(Services services) {
    this.commands = Map.of(
        DoctorCommand.class, () -> new DoctorCommand(services),
        UpCommand.class, () -> new UpCommand(services),
        DownCommand.class, () -> new DownCommand(services),
        StatusCommand.class, () -> new StatusCommand(services),
        AccessCommand.class, () -> new AccessCommand(services),
        DevDeployCommand.class, () -> new DevDeployCommand(services),
        VersionProvider.class, () -> new VersionProvider(services));
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    Supplier<Object> supplier = commands.get(type);
    return supplier == null ? CommandLine.defaultFactory().create(type) : type.cast(supplier.get());
  }
}
