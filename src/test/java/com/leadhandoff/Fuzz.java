package com.leadhandoff;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.sessions.JqwikSession;

/**
 * What the fuzz tests send, drawn from one seed: the same cases on every run (a CI run fails only on a change), other
 * cases with {@code -Dfuzz.seed=...} when exploring. The seed is printed, so a failure can be repeated.
 */
public final class Fuzz {

  static final String DEFAULT_SEED = "20261202";

  private Fuzz() {}

  public static <T> List<T> sample(Arbitrary<T> arbitrary, long count) {
    String seed = System.getProperty("fuzz.seed", DEFAULT_SEED);
    System.out.println("fuzz cases from seed " + seed + " (-Dfuzz.seed=" + seed + " repeats them)");
    JqwikSession.start(seed);
    try {
      return arbitrary.sampleStream().limit(count).toList();
    } finally {
      JqwikSession.finish();
    }
  }
}
