package com.alphintra.infra.local;

import com.alphintra.infra.doctor.DoctorReport;
import com.alphintra.infra.error.MissingPrerequisiteException;

/**
 * The prerequisites step found something missing; carries doctor's report so {@code up} can show
 * it.
 */
public class PrerequisitesMissingException extends MissingPrerequisiteException {

  private static final long serialVersionUID = 1L;

  private final transient DoctorReport report;

  public PrerequisitesMissingException(DoctorReport report) {
    super(
        report.problems().size()
            + (report.problems().size() == 1 ? " prerequisite is" : " prerequisites are")
            + " missing or not ready: "
            + String.join(", ", report.problems().stream().map(p -> p.name()).toList()),
        "install or start what the report lists, then run 'alphintra up' again ('alphintra doctor --target local' "
            + "checks again)");
    this.report = report;
  }

  public DoctorReport report() {
    return report;
  }
}
