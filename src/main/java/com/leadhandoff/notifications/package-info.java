/**
 * Notifications owns telling people what needs them, the moment it does: the rep when a lead is assigned and when its
 * SLA warns, the rep and the sales managers when it is breached, managers when a lead is escalated, marketing when a
 * rejection waits for review, both teams for a grey case, and managers each morning (open breaches, leads waiting). A
 * notice is rendered from templates a process owner edits ({@code notifications/*.txt|html}, or a configured folder)
 * and written to the outbox in the transaction of the step that causes it, on the channels each user chose: email
 * (SMTP), Slack or Microsoft Teams (the team's incoming webhook). Warnings wait for the recipient's working time.
 */
package com.leadhandoff.notifications;
