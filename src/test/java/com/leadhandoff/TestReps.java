package com.leadhandoff;

import com.leadhandoff.teams.TeamRepository;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sets a rep as a test needs them: active, weight 1, a capacity (null: the default), away or not, a fresh rotation credit. */
public final class TestReps {

  private TestReps() {}

  public static void set(JdbcClient jdbc, TeamRepository reps, String rep, LocalDate awayFrom, LocalDate awayUntil, Integer capacity) {
    jdbc.sql("delete from rep_absences where user_id = :user").param("user", rep).update();
    reps.saveRep(new TeamRepository.RepSettings(rep, true, capacity, 1, null, 0), Map.of());
    reps.saveCredit(rep, 0);
    if (awayFrom != null) {
      reps.addAbsence(rep, awayFrom, awayUntil, null, rep);
    }
  }
}
