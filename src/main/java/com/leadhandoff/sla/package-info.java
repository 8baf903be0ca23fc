/**
 * Service levels in business time, counted in each sales team's working time (the team's, in handoff):
 * the arithmetic that turns "within 4 business hours" into a due date (with an explanation of how it was
 * counted), the SLA clocks the process timers and Tasklist due dates read (each ends once: met when its task is
 * answered, stopped when the lead leaves the step unanswered), the reminders and the breaches recorded when an SLA is
 * missed; the running clocks counted again when a team's working time or days off change.
 */
package com.leadhandoff.sla;
