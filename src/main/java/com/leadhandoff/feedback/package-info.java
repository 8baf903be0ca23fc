/**
 * What people tell the process through their tasks in Camunda Tasklist: the server-side rules each task's
 * answers must meet (the same as its Camunda Form, so a REST client cannot bypass them), and the
 * structured feedback kept from them (why a lead was rejected, what won or lost a deal, what prospects ask
 * and object to, what reviews concluded) for marketing and the reports.
 */
package com.leadhandoff.feedback;
