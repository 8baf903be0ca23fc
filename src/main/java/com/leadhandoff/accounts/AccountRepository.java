package com.leadhandoff.accounts;

import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadViewPart;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The accounts and their domains. Runs in the caller's transaction. */
@Repository
public class AccountRepository implements LeadViewPart {

  /** An account as name matching scores it. */
  record NameCandidate(UUID id, String nameKey, String status, String owner) {}

  /** A domain of an account, with what a match keeps of the account. */
  record DomainHit(String domain, UUID id, String status, String owner) {}

  private final JdbcClient jdbc;

  public AccountRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Account> find(UUID id) {
    return jdbc.sql("select * from accounts where id = :id").param("id", id).query(this::map).optional();
  }

  public Optional<Account> findByExternalId(String externalId) {
    return jdbc.sql("select * from accounts where external_id = :id").param("id", externalId).query(this::map).optional();
  }

  /** Which of these domains belong to an account, and to which: one lookup on the domains' primary key. */
  Map<String, UUID> accountsOf(Collection<String> domains) {
    if (domains.isEmpty()) {
      return Map.of();
    }
    return jdbc.sql("select domain, account_id from account_domains where domain in (:domains)").param("domains", domains)
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getObject(2, UUID.class))).list().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /** Which of these domains belong to an account, with the account's status and owner: one statement, by primary key. */
  List<DomainHit> domainHits(Collection<String> domains) {
    return jdbc.sql("select d.domain, a.id, a.status, a.owner from account_domains d join accounts a on a.id = d.account_id "
            + "where d.domain in (:domains)").param("domains", domains)
        .query((rs, n) -> new DomainHit(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4))).list();
  }

  /** The accounts whose normalised name starts like this one: the candidates a name is scored against. */
  List<NameCandidate> nameCandidates(String prefix, int limit) {
    return jdbc.sql("select id, name_key, status, owner from accounts where name_prefix = :prefix limit :limit")
        .param("prefix", prefix).param("limit", limit)
        .query((rs, n) -> new NameCandidate(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4))).list();
  }

  void insert(Account account) {
    String key = AccountNames.key(account.name());
    jdbc.sql("""
        insert into accounts (id, external_id, name, name_key, name_prefix, owner, status, created_at, updated_at)
        values (:id, :externalId, :name, :key, :prefix, :owner, :status, :createdAt, :updatedAt)""")
        .param("id", account.id()).param("externalId", account.externalId()).param("name", account.name())
        .param("key", key).param("prefix", AccountNames.prefix(key)).param("owner", account.owner())
        .param("status", account.status()).param("createdAt", account.createdAt()).param("updatedAt", account.updatedAt())
        .update();
    addDomains(account.id(), account.domains());
  }

  /** Name, owner, status and domains as given; domains the account no longer has are released. */
  void update(Account account) {
    String key = AccountNames.key(account.name());
    jdbc.sql("""
        update accounts set name = :name, name_key = :key, name_prefix = :prefix, owner = :owner, status = :status,
          updated_at = :updatedAt where id = :id""")
        .param("name", account.name()).param("key", key).param("prefix", AccountNames.prefix(key))
        .param("owner", account.owner()).param("status", account.status()).param("updatedAt", account.updatedAt())
        .param("id", account.id()).update();
    List<String> existing = domainsOf(account.id());
    List<String> gone = existing.stream().filter(d -> !account.domains().contains(d)).toList();
    if (!gone.isEmpty()) {
      jdbc.sql("delete from account_domains where account_id = :id and domain in (:gone)").param("id", account.id())
          .param("gone", gone).update();
    }
    addDomains(account.id(), account.domains().stream().filter(d -> !existing.contains(d)).toList());
  }

  private void addDomains(UUID account, List<String> domains) {
    for (String domain : domains) {
      jdbc.sql("insert into account_domains (domain, account_id) values (:domain, :account)")
          .param("domain", domain).param("account", account).update();
    }
  }

  private List<String> domainsOf(UUID account) {
    return jdbc.sql("select domain from account_domains where account_id = :id order by domain").param("id", account)
        .query(String.class).list();
  }

  private Account map(ResultSet rs, int row) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    return new Account(id, rs.getString("external_id"), rs.getString("name"), domainsOf(id), rs.getString("owner"),
        rs.getString("status"), rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
  }

  /** The account the lead matched at capture as it is now (null: none). */
  @Override
  public Map<String, Object> partsOf(Lead lead) {
    return Collections.singletonMap("account", lead.accountMatch() == null ? null : find(lead.accountMatch().accountId()).orElse(null));
  }
}
