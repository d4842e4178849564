package com.alphintra.infra.cli;

import com.alphintra.infra.error.InputException;
import com.alphintra.infra.error.MissingPrerequisiteException;
import com.alphintra.infra.error.OperationFailedException;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParseResult;

/**
 * The one place that turns an exception from a service into an exit code and a message: {@code
 * error: <what> (<file:line>)} and {@code hint: <what to do>}; a stack trace only with --verbose.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IExitCodeExceptionMapper {

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    CommandLine.Help.ColorScheme colors = commandLine.getColorScheme();
    err.println(colors.errorText("error: " + describe(exception)));
    hint(exception).ifPresent(hint -> err.println("hint: " + hint));
    if (isVerbose(parseResult)) {
      StringWriter trace = new StringWriter();
      exception.printStackTrace(new PrintWriter(trace));
      err.print(trace);
    } else if (!isExpected(exception)) {
      err.println("(run again with --verbose for the stack trace)");
    }
    err.flush();
    return getExitCode(exception);
  }

  /**
   * Errors a person can act on from the message alone; anything else may be a bug worth a stack
   * trace.
   */
  private static boolean isExpected(Throwable exception) {
    return exception instanceof InputException
        || exception instanceof MissingPrerequisiteException
        || exception instanceof OperationFailedException;
  }

  @Override
  public int getExitCode(Throwable exception) {
    if (exception instanceof MissingPrerequisiteException) {
      return ExitCode.MISSING_PREREQUISITES.code();
    }
    if (isInputError(exception)) {
      return ExitCode.USAGE.code();
    }
    return ExitCode.NOT_OK.code();
  }

  private static boolean isInputError(Throwable exception) {
    return exception instanceof InputException
        || exception instanceof CommandLine.ParameterException;
  }

  private static String describe(Throwable exception) {
    if (exception instanceof InputException input) {
      return input.getMessage()
          + input.location().map(location -> " (" + location + ")").orElse("");
    }
    String message = exception.getMessage();
    return message == null || message.isBlank() ? exception.getClass().getSimpleName() : message;
  }

  private static java.util.Optional<String> hint(Throwable exception) {
    String hint = "";
    if (exception instanceof InputException input) {
      hint = input.hint();
    } else if (exception instanceof MissingPrerequisiteException missing) {
      hint = missing.hint();
    } else if (exception instanceof OperationFailedException failed) {
      hint = failed.hint();
    }
    return hint.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(hint);
  }

  private static boolean isVerbose(ParseResult parseResult) {
    for (ParseResult result = parseResult; result != null; result = result.subcommand()) {
      if (result.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }
}
