/**
 * The sales teams as data that their managers run without a developer: each team's time zone, working time per
 * weekday, public holidays (Jollyday, by country and region) and company days, its managers and its reps (active,
 * capacity, weight in the rotation, own hours, out of office); the API and the team page they do it with, the audit
 * of every change, the hand-over of a rep's open leads, and the health warning for a team that will not work.
 */
package com.leadhandoff.teams;
