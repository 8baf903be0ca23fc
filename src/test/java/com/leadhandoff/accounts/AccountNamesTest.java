package com.leadhandoff.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How company names are normalised before they are compared. */
class AccountNamesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      ACME GmbH & Co. KG      | acme
      Acme, Inc.              | acme
      acme ltd                | acme
      Müller Maschinenbau AG  | muller maschinenbau
      The Acme Group Holding  | the acme
      Holding                 | holding
      '  Acme   Software  '   | acme software
      '.,;'                   | ''
      """)
  void caseAccentsPunctuationAndLegalFormsGo(String name, String key) {
    assertThat(AccountNames.key(name)).isEqualTo(key);
  }
}
