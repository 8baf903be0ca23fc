package com.leadhandoff.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadhandoff.LeadHandoffTest;
import com.leadhandoff.teams.SalesTeams;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.beans.factory.annotation.Autowired;

@LeadHandoffTest
class IdentityBootstrapTest {

  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired SalesTeams teams;

  private IdentityBootstrap withAdmin(String user, String password) {
    return new IdentityBootstrap(identity, authorizations, filters, tasks, teams, new AdminProperties(user, password),
        new MockEnvironment());
  }

  @Test
  void everySalesTeamAndRoleIsAGroup() {
    assertThat(teams.teams()).containsKeys("sales-emea", "sales-americas");
    for (String group : new String[] {"sales-emea", "sales-americas", Groups.SALES_MANAGERS, Groups.MARKETING,
        Groups.PROCESS_OWNERS, Groups.INTEGRATION, Groups.ADMINS}) {
      assertThat(identity.createGroupQuery().groupId(group).count()).as(group).isEqualTo(1);
    }
  }

  @Test
  void theAdministratorComesFromTheEnvironmentAndAdministersEverything() {
    withAdmin("ops-admin", "a-long-enough-secret").bootstrap();

    assertThat(identity.checkPassword("ops-admin", "a-long-enough-secret")).isTrue();
    assertThat(identity.createGroupQuery().groupMember("ops-admin").groupId(Groups.ADMINS).count()).isEqualTo(1);
    assertThat(authorizations.isUserAuthorized("ops-admin", java.util.List.of(Groups.ADMINS), Permissions.ACCESS, Resources.APPLICATION, "admin")).isTrue();
  }

  @Test
  void aShortAdministratorPasswordStopsTheStart() {
    assertThatThrownBy(() -> withAdmin("ops-admin-2", "short").bootstrap())
        .hasMessageContaining("LEAD_HANDOFF_ADMIN_PASSWORD");
    assertThat(identity.createUserQuery().userId("ops-admin-2").count()).isZero();
  }

  @Test
  void withoutAdministratorSettingsNoAdministratorIsCreatedAndBootstrapIsRepeatable() {
    long users = identity.createUserQuery().count();
    long grants = authorizations.createAuthorizationQuery().count();
    withAdmin(null, null).bootstrap();
    withAdmin(null, null).bootstrap();
    assertThat(identity.createUserQuery().count()).isEqualTo(users);
    assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(grants);
  }

  @Test
  void withoutAnyAdministratorTheNodeDoesNotStart() {
    var admins = identity.createUserQuery().memberOfGroup(Groups.ADMINS).list().stream().map(u -> u.getId()).toList();
    admins.forEach(id -> identity.deleteMembership(id, Groups.ADMINS));
    try {
      assertThatThrownBy(() -> withAdmin(null, null).bootstrap())
          .hasMessageContaining("No administrator").hasMessageContaining("LEAD_HANDOFF_ADMIN_USER");
      MockEnvironment demo = new MockEnvironment();
      demo.setActiveProfiles("demo");
      new IdentityBootstrap(identity, authorizations, filters, tasks, teams, new AdminProperties(null, null), demo).bootstrap();
    } finally {
      admins.forEach(id -> identity.createMembership(id, Groups.ADMINS));
    }
  }

  @Test
  void repsMayUseTasklistButNotCockpitOrAdmin() {
    var groups = java.util.List.of("sales-emea");
    assertThat(authorizations.isUserAuthorized("someone", groups, Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isTrue();
    assertThat(authorizations.isUserAuthorized("someone", groups, Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isFalse();
    assertThat(authorizations.isUserAuthorized("someone", groups, Permissions.ACCESS, Resources.APPLICATION, "admin")).isFalse();
  }

  @Test
  void processOwnersMayDeployFromModeler() {
    var groups = java.util.List.of(Groups.PROCESS_OWNERS);
    assertThat(authorizations.isUserAuthorized("po", groups, Permissions.CREATE, Resources.DEPLOYMENT)).isTrue();
    assertThat(authorizations.isUserAuthorized("po", groups, Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isTrue();
  }
}
