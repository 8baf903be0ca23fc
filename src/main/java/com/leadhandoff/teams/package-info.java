/**
 * The sales teams as data that their managers run without a developer: each team's time zone, working time per
 * weekday, public holidays (Jollyday, by country and region) and company days, its managers and its reps (active,
 * capacity, weight in the rotation, own hours, out of office); the API and the team page they do it with, who may
 * change what (TeamAccess), and the audit of every change. What follows from the teams is the others': the rotation
 * and the hand-over (handoff), the SLA clocks counted again on a TeamCalendarChanged event and the calendar health (sla).
 */
package com.leadhandoff.teams;
