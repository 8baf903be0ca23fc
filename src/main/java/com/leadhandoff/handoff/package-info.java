/**
 * The hand-off from marketing to sales: the sales teams (their Camunda group and working time: time zone, hours, days, holidays),
 * how a routed lead reaches a team's queue and a rep, and the rep's accept-or-reject step; a task handed on by a person
 * goes only to someone of its team, through the routing ledger (Reassignments).
 */
package com.leadhandoff.handoff;
