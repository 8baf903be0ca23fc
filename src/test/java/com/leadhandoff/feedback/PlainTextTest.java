package com.leadhandoff.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a lead typed reaches a form's text view escaped where Markdown would read it as markup, and as typed elsewhere. */
class PlainTextTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      an image tag              | <img src=x onerror=alert(1)>     | \\<img src=x onerror=alert(1)\\>
      a Markdown link           | [Sales](http://evil.example)     | \\[Sales\\](http\\://evil.example)
      a bare web address        | see www.evil.example             | see www\\.evil.example
      emphasis                  | **Acme**                         | \\*\\*Acme\\*\\*
      a heading                 | # Urgent                         | \\# Urgent
      a list item               | - one                            | \\- one
      a numbered list           | 1. one                           | 1\\. one
      an entity                 | &lt;b&gt;                        | \\&lt;b\\&gt;
      a campaign code           | 2026-q4-webinar                  | 2026-q4-webinar
      a time and a score        | Tue 1 Dec 10:00 (0.93)           | Tue 1 Dec 10:00 (0.93)
      a name with an apostrophe | O'Brien, VP Sales at Acme        | O'Brien, VP Sales at Acme
      """)
  void escapedOnlyWhereItWouldBeMarkup(String what, String typed, String shown) {
    assertThat(TaskFacts.plain(typed)).as(what).isEqualTo(shown);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      a heading on a later line | "ok\\n# big"     | "ok\\n\\# big"
      a quote on a later line   | "ok\\n  > cited" | "ok\\n  \\> cited"
      """)
  void lineStartsAreEscapedOnEveryLine(String what, String typed, String shown) {
    assertThat(TaskFacts.plain(typed.replace("\\n", "\n"))).as(what).isEqualTo(shown.replace("\\n", "\n"));
  }
}
