/**
 * What people see and tell the process through their tasks in Camunda Tasklist: what each task's form shows about
 * the lead (TaskFacts: contact, origin, recent activity, why it is an MQL, previous owner, who rejected it), the rules
 * each task's answers must meet, read from the Camunda Form deployed with the process (TaskForm, TaskAnswers: the form
 * is the one source of the allowed answers, and a REST client cannot bypass them nor send anything but the form's fields:
 * FormFieldsOnly), and what is kept from the answers:
 * every contact a rep logs (attempts and the conversation) and the structured feedback (why a lead was rejected, what
 * won or lost a deal, what prospects ask and object to, what reviews concluded) for marketing and the reports.
 */
package com.leadhandoff.feedback;
