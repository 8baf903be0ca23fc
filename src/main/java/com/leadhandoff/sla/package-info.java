/**
 * Service levels in business time, counted in each sales team's working time (the team's, in handoff):
 * the arithmetic that turns "within 4 business hours" into a due date (with an explanation of how it was
 * counted), the SLA clocks the process timers and Tasklist due dates read, and the breaches recorded when
 * an SLA is missed.
 */
package com.leadhandoff.sla;
