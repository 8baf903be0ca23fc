/**
 * The agreed qualification criteria at work: the DMN decisions in {@code decisions/} (fit, engagement, MQL,
 * SQL, routing, SLA policy, rejections) are evaluated by the processes, and every evaluation about a lead is
 * recorded with the decision's key, version and matched rules, so anyone can later see why a lead was judged
 * as it was and by which version of the agreement. Decisions run on Camunda's FEEL engine with each cell's text
 * parsed once ({@link com.leadhandoff.qualification.ParsedOnceFeelEngine}). What-if replays a candidate file that the
 * model guard and the decision's contract accept ({@link com.leadhandoff.modelguard}) against the deployed version.
 * The decisions read the lead's facts from its row ({@link com.leadhandoff.qualification.LeadFacts}), not from
 * variables the process would have to keep. {@link com.leadhandoff.qualification.NurtureRecheck} says when in the
 * day a nurtured lead's weekly re-check falls due.
 */
package com.leadhandoff.qualification;
