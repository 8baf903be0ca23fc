package com.leadhandoff.accounts;

import com.leadhandoff.api.ApiProblems.FieldError;
import com.leadhandoff.api.CsvUpload;
import com.leadhandoff.api.InvalidRequestException;
import com.leadhandoff.handoff.RoutingRepository;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadRepository;
import com.leadhandoff.lead.LeadStage;
import com.leadhandoff.lead.PersonalDataErased;
import com.leadhandoff.lead.LeadStageReached;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates and updates accounts: the idempotent upsert by external id that the API and the CSV import use (every field
 * checked first, all or nothing), and the product's own update when a lead becomes an opportunity or is won.
 */
@Service
public class AccountService {

  /** The columns an account CSV file may have; external_id, name and status are required. */
  static final List<String> COLUMNS = List.of("external_id", "name", "domains", "owner", "status");
  static final int MAX_ROWS = 100_000;
  static final int MAX_DOMAINS = 50;
  private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);

  private final AccountRepository accounts;
  private final FreeMailDomains freeMail;
  private final IdentityService identity;
  private final LeadRepository leads;
  private final RoutingRepository routing;
  private final Clock clock;
  private final TransactionTemplate transaction;

  public AccountService(AccountRepository accounts, FreeMailDomains freeMail, IdentityService identity, LeadRepository leads,
      RoutingRepository routing, PlatformTransactionManager transactions, Clock clock) {
    this.clock = clock;
    this.accounts = accounts;
    this.freeMail = freeMail;
    this.identity = identity;
    this.leads = leads;
    this.routing = routing;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** An account as a CRM sends it. */
  public record AccountInput(String name, List<String> domains, String owner, String status) {}

  /** What an upsert did: created the account, changed it, or found it as sent (nothing written). */
  public record Upserted(Account account, String outcome) {
    public boolean created() {
      return "created".equals(outcome);
    }
  }

  /** Creates or updates the account with this external id; sending the same twice changes nothing the second time. */
  public Upserted upsert(String externalId, AccountInput input) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.execute(status -> upsertOnce(externalId, input));
      } catch (DuplicateKeyException raced) { // a concurrent upsert of the same account or domain won: it is seen now
        if (attempt == 3) {
          throw raced;
        }
      }
    }
  }

  private Upserted upsertOnce(String externalId, AccountInput input) {
    Optional<Account> existing = accounts.findByExternalId(externalId == null ? "" : externalId.trim());
    Account wanted = validated(externalId, input, existing.map(Account::id).orElse(null));
    if (existing.isEmpty()) {
      Account created = new Account(UUID.randomUUID(), wanted.externalId(), wanted.name(), wanted.domains(), wanted.owner(),
          wanted.status(), OffsetDateTime.now(clock), OffsetDateTime.now(clock));
      accounts.insert(created);
      return new Upserted(accounts.find(created.id()).orElseThrow(), "created");
    }
    Account current = existing.get();
    if (current.name().equals(wanted.name()) && Objects.equals(current.owner(), wanted.owner()) && current.status().equals(wanted.status())
        && Set.copyOf(current.domains()).equals(Set.copyOf(wanted.domains()))) {
      return new Upserted(current, "unchanged");
    }
    accounts.update(new Account(current.id(), current.externalId(), wanted.name(), wanted.domains(), wanted.owner(), wanted.status(),
        current.createdAt(), OffsetDateTime.now(clock)));
    return new Upserted(accounts.find(current.id()).orElseThrow(), "updated");
  }

  /** The account as it will be stored, or every problem with the request, each naming its field. */
  private Account validated(String externalId, AccountInput input, UUID self) {
    List<FieldError> errors = new ArrayList<>();
    String id = externalId == null ? "" : externalId.trim();
    if (id.isEmpty() || id.length() > 100 || !id.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      errors.add(new FieldError("externalId", "must be 1-100 visible ASCII characters"));
    }
    String name = input.name() == null ? "" : input.name().trim();
    if (name.isEmpty()) {
      errors.add(new FieldError("name", "is required"));
    } else if (name.length() > 200) {
      errors.add(new FieldError("name", "must be at most 200 characters"));
    } else if (AccountNames.key(name).isEmpty()) {
      errors.add(new FieldError("name", "must contain a letter or digit"));
    }
    String status = input.status() == null ? null : input.status().trim();
    if (status == null || status.isEmpty()) {
      errors.add(new FieldError("status", "is required, one of " + Account.STATUSES));
    } else if (!Account.STATUSES.contains(status)) {
      errors.add(new FieldError("status", "must be one of " + Account.STATUSES + ", not '" + status + "'"));
    }
    String owner = input.owner() == null || input.owner().isBlank() ? null : input.owner().trim();
    if (owner != null && (owner.length() > 64 || identity.createUserQuery().userId(owner).count() == 0)) {
      errors.add(new FieldError("owner", "is not a user: '" + owner + "'"));
    }
    Set<String> domains = new LinkedHashSet<>();
    List<String> given = input.domains() == null ? List.of() : input.domains();
    if (given.size() > MAX_DOMAINS) {
      errors.add(new FieldError("domains", "may hold at most " + MAX_DOMAINS + " domains"));
      given = List.of();
    }
    for (int i = 0; i < given.size(); i++) {
      String field = "domains[" + i + "]";
      String domain = domain(given.get(i));
      if (domain == null) {
        errors.add(new FieldError(field, "is not a domain name such as acme.com: '" + given.get(i) + "'"));
      } else if (freeMail.contains(domain)) {
        errors.add(new FieldError(field, domain + " is a free-mail domain: every lead with an address there would match"));
      } else {
        domains.add(domain);
      }
    }
    accounts.accountsOf(domains).forEach((domain, account) -> {
      if (!account.equals(self)) {
        errors.add(new FieldError("domains", domain + " belongs to account "
            + accounts.find(account).map(Account::externalId).orElse(account.toString()) + " already"));
      }
    });
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return new Account(self, id, name, List.copyOf(domains), owner, status, null, null);
  }

  /** A domain or web address as a normalised domain (acme.com), or null when it is not one. */
  static String domain(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      String domain = Domains.companyDomain(value, null);
      return domain != null && domain.length() <= 253 && domain.matches("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]*[a-z0-9]")
          ? domain : null;
    } catch (InvalidRequestException notAWebAddress) {
      return null;
    }
  }

  /** One row's result: its 1-based number (the header not counted), outcome (created, updated, unchanged, rejected) and why. */
  public record ImportRow(int row, String externalId, String outcome, String message) {}

  /** An account import's result: counts per outcome and every row. */
  public record ImportResult(int total, int created, int updated, int unchanged, int rejected, List<ImportRow> rows) {}

  /**
   * A CSV file of accounts (columns {@link #COLUMNS}; domains separated by spaces or semicolons), checked whole first
   * (a bad file is refused with 400 and nothing is imported); then every row is upserted on its own, all or nothing, by
   * the same rules as the API. Answers each row's result.
   */
  public ImportResult importCsv(InputStream csv) throws IOException {
    Path file = Files.createTempFile("account-import-", ".csv");
    try {
      CsvUpload.copyAndCheck(csv, file, COLUMNS, List.of("external_id", "name", "status"), MAX_ROWS);
      List<ImportRow> rows = new ArrayList<>();
      CsvUpload.read(file, (number, cells) -> rows.add(importRow(number, cells)));
      Map<String, Long> counts = rows.stream().collect(Collectors.groupingBy(ImportRow::outcome, Collectors.counting()));
      return new ImportResult(rows.size(), count(counts, "created"), count(counts, "updated"), count(counts, "unchanged"),
          count(counts, "rejected"), rows);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private ImportRow importRow(int number, Map<String, String> cells) {
    String externalId = cells.get("external_id");
    String domains = cells.getOrDefault("domains", "");
    try {
      Upserted done = upsert(externalId, new AccountInput(cells.get("name"),
          domains.isBlank() ? List.of() : List.of(domains.trim().split("[\\s;]+")), cells.get("owner"), cells.get("status")));
      return new ImportRow(number, done.account().externalId(), done.outcome(), null);
    } catch (InvalidRequestException invalid) {
      return new ImportRow(number, externalId, "rejected", invalid.errors().stream()
          .map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")));
    } catch (RuntimeException unexpected) {
      LOG.error("Account import row {} failed", number, unexpected);
      return new ImportRow(number, externalId, "rejected", "could not be stored: " + unexpected.getClass().getSimpleName());
    }
  }

  private static int count(Map<String, Long> counts, String outcome) {
    return counts.getOrDefault(outcome, 0L).intValue();
  }

  /**
   * A lead became an opportunity or was won (in the engine's transaction): its account is now one with an open
   * opportunity, or a customer. The account it matched at capture, else the one of its company domain, else a new one
   * (external id {@code lead-handoff:<lead id>}, named after the company, with its domain unless that is free mail).
   * The lead's rep becomes the owner of an account that has none; a CRM's owner is kept. A customer stays a customer.
   */
  @EventListener
  public void reached(LeadStageReached event) {
    if (event.stage() != LeadStage.OPPORTUNITY && event.stage() != LeadStage.WON) {
      return;
    }
    Lead lead = leads.find(event.leadId()).orElseThrow();
    String status = event.stage() == LeadStage.WON ? "customer" : "open-opportunity";
    String rep = routing.ledger(lead.id()).stream().map(RoutingRepository.LedgerEntry::assignee).filter(Objects::nonNull)
        .reduce((first, second) -> second).orElse(null);
    String domain = lead.company().companyDomain() == null || freeMail.contains(lead.company().companyDomain()) ? null : lead.company().companyDomain();
    Optional<Account> known = lead.accountMatch() != null ? accounts.find(lead.accountMatch().accountId())
        : Optional.ofNullable(domain).flatMap(d -> Optional.ofNullable(accounts.accountsOf(List.of(d)).get(d))).flatMap(accounts::find);
    if (known.isPresent()) {
      Account account = known.get();
      List<String> domains = new ArrayList<>(account.domains());
      if (domain != null && !domains.contains(domain) && accounts.accountsOf(List.of(domain)).isEmpty()) {
        domains.add(domain);
      }
      String newStatus = "customer".equals(account.status()) ? "customer" : status;
      accounts.update(new Account(account.id(), account.externalId(), account.name(), domains,
          account.owner() != null ? account.owner() : rep, newStatus, account.createdAt(), OffsetDateTime.now(clock)));
      return;
    }
    String name = lead.company().companyName() != null ? lead.company().companyName() : domain;
    if (name == null || AccountNames.key(name).isEmpty()) {
      return; // nothing names the company: no account to keep
    }
    accounts.insert(new Account(UUID.randomUUID(), createdFrom(lead.id()), name, domain == null ? List.of() : List.of(domain), rep,
        status, OffsetDateTime.now(clock), OffsetDateTime.now(clock)));
  }

  /** The external id of the account the product creates from a lead. */
  private static String createdFrom(UUID leadId) {
    return "lead-handoff:" + leadId;
  }

  /**
   * A lead's erasure: the account the product created from it (named after the lead's company, with its domain) is
   * renamed "erased lead <id>" and loses its domains; its status and owner stay. A CRM's account is the CRM's record.
   */
  @EventListener
  public void erased(PersonalDataErased erasure) {
    accounts.findByExternalId(createdFrom(erasure.leadId())).ifPresent(account -> accounts.update(new Account(account.id(),
        account.externalId(), "erased lead " + erasure.leadId(), List.of(), account.owner(), account.status(), account.createdAt(),
        OffsetDateTime.now(clock))));
  }
}
