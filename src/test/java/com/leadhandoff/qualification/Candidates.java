package com.leadhandoff.qualification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Candidate decision files, made from the agreed ones in decisions/ as a process owner would edit them. */
final class Candidates {

  private Candidates() {}

  static String agreed(String file) {
    try {
      return Files.readString(Path.of("decisions", file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The MQL definition with the engagement a grade-A lead needs raised from 30 to the given value. */
  static String mqlWithGradeAThreshold(int engagement) {
    String agreed = agreed("mql-definition.dmn");
    int rule = agreed.indexOf("<rule id=\"MqlDefinition_FitAEngaged\">");
    int threshold = agreed.indexOf("<text>&gt;= 30</text>", rule);
    if (rule < 0 || threshold < 0 || threshold > agreed.indexOf("</rule>", rule)) {
      throw new IllegalStateException("mql-definition.dmn no longer has the grade-A rule this candidate edits");
    }
    return agreed.substring(0, threshold) + "<text>&gt;= " + engagement + "</text>"
        + agreed.substring(threshold + "<text>&gt;= 30</text>".length());
  }
}
