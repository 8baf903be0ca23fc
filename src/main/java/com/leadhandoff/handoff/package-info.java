/**
 * The hand-off from marketing to sales: how a routed lead reaches a team's queue and a rep (the weighted round-robin
 * and its routing ledger; the teams themselves are the {@code teams} package's), and the rep's accept-or-reject step; a task handed on
 * by a person goes only to someone of its team, through the routing ledger (Reassignments).
 */
package com.leadhandoff.handoff;
