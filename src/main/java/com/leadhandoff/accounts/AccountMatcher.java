package com.leadhandoff.accounts;

import com.leadhandoff.lead.Lead;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.springframework.stereotype.Service;

/**
 * Finds the account a captured lead belongs to. First by domain: the company's website domain, then the email's, each
 * with its parent domains (eu.acme.com, acme.com), the most specific first; free-mail domains never match. All of them
 * are one indexed lookup. Otherwise by company name: the normalised name against the accounts whose normalised name
 * starts with the same {@value AccountNames#PREFIX_LENGTH} characters (an indexed lookup, never a scan of all
 * accounts), scored by Jaro-Winkler similarity; the best at or above the threshold matches.
 */
@Service
public class AccountMatcher {

  private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();

  private final AccountRepository accounts;
  private final FreeMailDomains freeMail;
  private final AccountProperties properties;

  public AccountMatcher(AccountRepository accounts, FreeMailDomains freeMail, AccountProperties properties) {
    this.accounts = accounts;
    this.freeMail = freeMail;
    this.properties = properties;
  }

  /** The lead's account, if any: companyDomain and emailDomain are normalised (lower case, no www.). */
  public Optional<Lead.AccountMatch> match(String companyDomain, String emailDomain, String companyName) {
    List<String> domains = new ArrayList<>(candidateDomains(companyDomain, emailDomain));
    if (!domains.isEmpty()) {
      Map<String, AccountRepository.DomainHit> hits = new HashMap<>();
      accounts.domainHits(domains).forEach(hit -> hits.put(hit.domain(), hit));
      for (String domain : domains) { // the most specific first
        AccountRepository.DomainHit hit = hits.get(domain);
        if (hit != null) {
          return Optional.of(new Lead.AccountMatch(hit.id(), hit.status(), hit.owner(), "domain", domain, 1.0));
        }
      }
    }
    String key = AccountNames.key(companyName);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    AccountRepository.NameCandidate best = null;
    double bestScore = 0;
    for (AccountRepository.NameCandidate candidate : accounts.nameCandidates(AccountNames.prefix(key), properties.maxNameCandidates())) {
      double score = SIMILARITY.apply(key, candidate.nameKey());
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    if (best == null || bestScore < properties.nameThreshold()) {
      return Optional.empty();
    }
    return Optional.of(new Lead.AccountMatch(best.id(), best.status(), best.owner(), "name", companyName.trim(), bestScore));
  }

  /** The domains to look up, most specific first; none of a free-mail provider. */
  Set<String> candidateDomains(String... domains) {
    Set<String> candidates = new LinkedHashSet<>();
    for (String domain : domains) {
      if (domain == null || domain.isBlank()) {
        continue;
      }
      // eu.acme.com, acme.com; not the top-level domain alone
      List<String> chain = new ArrayList<>();
      for (String d = domain; d.indexOf('.') > 0; d = d.substring(d.indexOf('.') + 1)) {
        chain.add(d);
      }
      // a free-mail domain, or a subdomain of one (mail.yahoo.com), says nothing about the company
      if (chain.stream().noneMatch(freeMail::contains)) {
        candidates.addAll(chain);
      }
    }
    return candidates;
  }
}
