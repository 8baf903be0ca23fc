package com.leadhandoff.handoff;

import com.leadhandoff.security.AllowedGroups;
import com.leadhandoff.security.ApiUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A rep's open leads and their hand-over, beside the teams API; the team's managers only (teams.TeamAccess, 403 otherwise). */
@RestController
@RequestMapping("/api/teams/{team}/reps/{rep}")
@AllowedGroups(AllowedGroups.ANY_USER)
public class HandOverController {

  private final HandOver handOver;

  public HandOverController(HandOver handOver) {
    this.handOver = handOver;
  }

  @GetMapping("/open-leads")
  public List<HandOver.OpenLead> openLeads(@PathVariable String team, @PathVariable String rep, HttpServletRequest request) {
    return handOver.openLeads(ApiUser.of(request), team, rep);
  }

  @PostMapping("/hand-over")
  public HandOver.Result handOver(@PathVariable String team, @PathVariable String rep, @RequestBody HandOver.Request body,
      HttpServletRequest request) {
    return handOver.handOver(ApiUser.of(request), team, rep, body);
  }
}
